/**
 * {@code wakepath check --target} from a user's own tests: {@link io.wakepath.junit.WakepathCheck} runs the same
 * checks as the command (the same jar, in a VM of its own) and hands the verdict to JUnit 5, as a failed assertion or
 * as one dynamic test per result.
 */
package io.wakepath.junit;
