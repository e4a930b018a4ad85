/// WeftApp is the full-screen UI: State, Action, reduce and render.
public enum WeftApp {}
