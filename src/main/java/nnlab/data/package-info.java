/**
 * Data: datasets ({@link nnlab.data.Dataset}), mini-batches ({@link nnlab.data.Batch}) and the
 * {@link nnlab.data.DataLoader} that shuffles them reproducibly; readers for the bundled image sets and the
 * 2-D toy sets of the TensorFlow Playground.
 */
package nnlab.data;
