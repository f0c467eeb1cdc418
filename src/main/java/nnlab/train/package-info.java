/**
 * Training helpers and evaluation: metrics such as accuracy, top-k accuracy and the confusion matrix with
 * per-class precision, recall and F1.
 */
package nnlab.train;
