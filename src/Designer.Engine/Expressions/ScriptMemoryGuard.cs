using System.Reflection;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Native.String;
using Jint.Runtime.Debugger;
using Jint.Runtime.Environments;
using ExecutionContext = Jint.Runtime.Environments.ExecutionContext;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

internal sealed class ScriptMemoryLimitException() : Exception("memory limit exceeded");

/// <summary>
/// Enforces <see cref="SandboxLimits.MaxMemoryBytes"/>, which Jint 2 lacks. Needs the engine in debug mode: at each
/// statement it reads the thread's allocation counter (cheap); after every limit/4 bytes allocated (more as the script
/// goes on) it estimates the memory the script can still reach (globals, every active scope, closures) and faults
/// when that exceeds the limit. Allocation alone cannot be the measure: Jint 2 allocates 1–3 KB of garbage per
/// statement, so a harmless loop of a few thousand statements would already pass 32 MB.
/// </summary>
internal sealed class ScriptMemoryGuard
{
    // Rough sizes in Jint 2.10, measured: an array element or property ~130 bytes, an empty object ~250.
    private const long PropertyBytes = 128, ObjectBytes = 256, StringBytes = 24, BindingBytes = 64;

    // Jint 2.10.4 keeps the call stack's scopes and a `with` object's bindings private.
    private static readonly FieldInfo? ExecutionContexts =
        typeof(JsEngine).GetField("_executionContexts", BindingFlags.NonPublic | BindingFlags.Instance);
    private static readonly FieldInfo? BindingObject =
        typeof(ObjectEnvironmentRecord).GetField("_bindingObject", BindingFlags.NonPublic | BindingFlags.Instance);

    private readonly JsEngine _engine;
    private readonly long _limit;
    private readonly long _start;
    private long _nextCheck;

    private ScriptMemoryGuard(JsEngine engine, long limitBytes)
    {
        _engine = engine;
        _limit = limitBytes;
        _start = GC.GetAllocatedBytesForCurrentThread();
        _nextCheck = _start + MinimumInterval;
    }

    private long MinimumInterval => Math.Max(_limit / 4, 64 * 1024);

    /// <summary>Starts guarding; the engine must have been created with DebugMode().</summary>
    public static void Attach(JsEngine engine, long limitBytes) => engine.Step += new ScriptMemoryGuard(engine, limitBytes).OnStep;

    private StepMode OnStep(object sender, DebugInformation info)
    {
        if (GC.GetAllocatedBytesForCurrentThread() >= _nextCheck)
        {
            var reachable = new ReachableSize(_limit).Measure(_engine, Contexts());
            if (reachable > _limit) throw new ScriptMemoryLimitException();
            // Checks grow further apart as the script allocates more (at most ~25% growth unseen), so that a
            // large heap is not walked over and over; the time limit bounds how far allocation can go.
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            _nextCheck = allocated + Math.Max(MinimumInterval, (allocated - _start) / 4);
        }
        return StepMode.Into;
    }

    private IEnumerable<ExecutionContext> Contexts() =>
        ExecutionContexts?.GetValue(_engine) as IEnumerable<ExecutionContext> ?? [_engine.ExecutionContext];

    /// <summary>Walks the script's reachable values without running any script code; stops once past the limit.</summary>
    private sealed class ReachableSize(long limit)
    {
        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<object> _pending = new();
        private long _bytes;

        public long Measure(JsEngine engine, IEnumerable<ExecutionContext> contexts)
        {
            Push(engine.Global);
            foreach (var context in contexts)
            {
                Push(context.LexicalEnvironment);
                Push(context.VariableEnvironment);
                Add(context.ThisBinding);
            }
            while (_pending.Count > 0 && _bytes <= limit)
            {
                switch (_pending.Pop())
                {
                    case ObjectInstance obj: VisitObject(obj); break;
                    case LexicalEnvironment env: VisitEnvironment(env); break;
                }
            }
            return _bytes;
        }

        private void VisitObject(ObjectInstance obj)
        {
            _bytes += ObjectBytes;
            Push(obj.Prototype);
            if (obj is FunctionInstance function) Push(function.Scope);
            if (obj is StringInstance s) Add(s.PrimitiveValue);
            foreach (var (name, descriptor) in obj.GetOwnProperties())
            {
                _bytes += PropertyBytes + 2L * name.Length;
                Add(descriptor.Value);
                Add(descriptor.Get);
                Add(descriptor.Set);
            }
        }

        private void VisitEnvironment(LexicalEnvironment env)
        {
            Push(env.Outer);
            switch (env.Record)
            {
                case DeclarativeEnvironmentRecord declarative:
                    foreach (var name in declarative.GetAllBindingNames())
                    {
                        _bytes += BindingBytes;
                        Add(declarative.GetBindingValue(name, false));
                    }
                    break;
                case ObjectEnvironmentRecord record:
                    Push(BindingObject?.GetValue(record));
                    break;
            }
        }

        private void Add(JsValue? value)
        {
            if (value is null) return;
            if (value.IsString())
            {
                var text = value.AsString();
                // A long string referenced many times is stored once.
                if (text.Length < 64 || _seen.Add(text)) _bytes += StringBytes + 2L * text.Length;
            }
            else if (value.IsObject())
            {
                Push(value.AsObject());
            }
        }

        private void Push(object? item)
        {
            if (item is not null && _seen.Add(item)) _pending.Push(item);
        }
    }
}
