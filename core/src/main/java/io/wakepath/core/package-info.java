/**
 * What every layer of wakepath shares: the strategy descriptor ({@link io.wakepath.core.StrategyInfo}), the
 * layers ({@link io.wakepath.core.Layer}), and the command-line plumbing (one-line errors, exit code 2).
 *
 * <h2>The memory-access vocabulary</h2>
 * Every lockless structure in wakepath names its accesses with one prefix, so the ordering of a line can be read
 * from the name of the method it calls. The prefixes follow JCTools and map onto {@link java.lang.invoke.VarHandle}
 * access modes:
 * <table>
 *   <caption>prefix, VarHandle mode, what it promises</caption>
 *   <tr><th>prefix</th><th>VarHandle mode</th><th>promise</th></tr>
 *   <tr><td>{@code lp} / {@code sp}</td><td>plain field or array access, {@code get} / {@code set}</td>
 *       <td>nothing across threads; the compiler and the CPU may reorder, hoist or merge it</td></tr>
 *   <tr><td>{@code lo} / {@code so}</td><td>{@code getOpaque} / {@code setOpaque}</td>
 *       <td>atomic (no torn longs) and eventually visible; no ordering with other variables</td></tr>
 *   <tr><td>{@code la} / {@code sr}</td><td>{@code getAcquire} / {@code setRelease}</td>
 *       <td>release: every access before it is visible to whoever acquires the value it wrote
 *           (the kernel's {@code smp_store_release} / {@code smp_load_acquire})</td></tr>
 *   <tr><td>{@code lv} / {@code sv}</td><td>{@code getVolatile} / {@code setVolatile}</td>
 *       <td>sequentially consistent: release/acquire plus a total order, so a store then a load of
 *           <em>another</em> variable is not reordered (store buffering is forbidden)</td></tr>
 *   <tr><td>{@code cas} / {@code xadd}</td><td>{@code compareAndSet} / {@code getAndAdd}</td>
 *       <td>atomic read-modify-write with volatile semantics</td></tr>
 *   <tr><td>{@code fullFence()}</td><td>{@link java.lang.invoke.VarHandle#fullFence()}</td>
 *       <td>the kernel's {@code smp_mb()}: orders an earlier store before a later load</td></tr>
 *   <tr><td>{@code storeStoreFence()}</td><td>{@link java.lang.invoke.VarHandle#storeStoreFence()}</td>
 *       <td>the kernel's {@code smp_wmb()}: orders earlier stores before later stores</td></tr>
 *   <tr><td>{@code loadLoadFence()}</td><td>{@link java.lang.invoke.VarHandle#loadLoadFence()}</td>
 *       <td>the kernel's {@code smp_rmb()}: orders earlier loads before later loads</td></tr>
 * </table>
 * Note: {@code so} is the opaque store here, not JCTools' "ordered" store; wakepath's release store is {@code sr}.
 * A comment on the line of every {@code sr}/{@code la} says which access it pairs with ("pairs with ...").
 */
package io.wakepath.core;
