/**
 * What every layer of wakepath shares: the strategy descriptor ({@link io.wakepath.core.StrategyInfo}), the
 * layers ({@link io.wakepath.core.Layer}), and the command-line plumbing (one-line errors, exit code 2).
 *
 * <h2>The memory-access vocabulary</h2>
 * Every lockless structure in wakepath names its accesses with one prefix, so the ordering of a line can be read
 * from the comment on it. Where JCTools has a name ({@code lp/sp}, {@code lv/sv}, {@code so}) it means what it means
 * in JCTools; the modes JCTools does not name get names of their own. Each maps onto a
 * {@link java.lang.invoke.VarHandle} access mode:
 * <table>
 *   <caption>prefix, VarHandle mode, what it promises</caption>
 *   <tr><th>prefix</th><th>VarHandle mode</th><th>promise</th></tr>
 *   <tr><td>{@code lp} / {@code sp}</td><td>plain field or array access, {@code get} / {@code set}</td>
 *       <td>nothing across threads; the compiler and the CPU may reorder, hoist or merge it</td></tr>
 *   <tr><td>{@code lop} / {@code sop}</td><td>{@code getOpaque} / {@code setOpaque}</td>
 *       <td>atomic (no torn longs) and eventually visible; no ordering with other variables</td></tr>
 *   <tr><td>{@code la}</td><td>{@code getAcquire}</td>
 *       <td>acquire: what follows is not reordered before it; it sees everything before the release it reads
 *           (the kernel's {@code smp_load_acquire})</td></tr>
 *   <tr><td>{@code so}</td><td>{@code setRelease} (JCTools' "ordered" store, {@code lazySet}, {@code putOrdered})</td>
 *       <td>release: every access before it is visible to whoever acquires the value it wrote
 *           (the kernel's {@code smp_store_release})</td></tr>
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
 * A comment on the line of every {@code so}/{@code la} says which access it pairs with ("pairs with ...").
 */
package io.wakepath.core;
