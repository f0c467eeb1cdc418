/** File-tree helpers of the grader's own work folders: copying and deleting without following links. */
package nnlab.grading.io;
