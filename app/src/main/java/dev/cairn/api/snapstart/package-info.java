/**
 * SnapStart: what runs before Lambda takes the snapshot (priming the request path so a restored
 * function answers its first request warm) and after each restore (whatever must differ between
 * environments restored from the same snapshot). The hooks are CRaC resources; on a JVM without
 * CRaC (the local stack, tests) registering them does nothing.
 */
package dev.cairn.api.snapstart;
