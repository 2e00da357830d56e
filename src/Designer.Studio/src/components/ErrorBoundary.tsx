import { Component, type ReactNode } from 'react';

/** Shows a render error in place (a schema RJSF cannot render while someone types raw JSON) and recovers when resetKey changes. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, { error: Error | null; key: unknown }> {
  state = { error: null as Error | null, key: undefined as unknown };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(props: { resetKey?: unknown }, state: { error: Error | null; key: unknown }) {
    if (props.resetKey !== state.key) return { error: null, key: props.resetKey };
    return null;
  }
  render() {
    if (this.state.error) return <div className="alert alert-error small">{this.state.error.message}</div>;
    return this.props.children;
  }
}
