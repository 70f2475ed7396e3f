/**
 * XenStore: the hierarchical store that domains and the toolstack share (xenstored's model): nodes with values
 * and permissions, transactions that fail with EAGAIN on conflict, watches that fire on changes under a path,
 * per-domain quotas, and the standard per-domain paths written at create.
 */
package org.polyvisor.kernel.xenstore;
