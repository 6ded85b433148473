// How a part of the operator panel calls main: the panel runs the call, shows a refusal in the operator's words
// above every tab, and goes back to rest when the session is gone (screens/OperatorPanel.tsx). Resolves to the
// call's answer, or undefined when it was refused.
export type PanelCall = <T>(work: () => Promise<T>) => Promise<T | undefined>;
