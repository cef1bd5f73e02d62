/* The function file the manifest's ribbon names; the only command opens the task pane, which needs no code here. */
void Office.onReady(() => undefined);
