package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;

import java.util.function.BooleanSupplier;

/** A check before registration: trusts the condition it read before queueing, so a wake in between is lost. */
public class CheckBeforeRegisterQueue extends ParkingWaitQueue {
    @Override
    protected boolean checkAfterRegistering(BooleanSupplier condition, boolean checkedBefore) {
        return checkedBefore;
    }
}
