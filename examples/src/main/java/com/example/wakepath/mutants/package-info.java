/**
 * Buggy variants of the examples that are <em>not</em> in wakepath's registry: the catalogue was not written for
 * them. Each changes one thing; {@code tests/mutants.sh} runs {@code wakepath check --target} on each and prints
 * the kill rate (how many the catalogue catches).
 */
package com.example.wakepath.mutants;
