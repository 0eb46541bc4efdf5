using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Stateless;

// A stand-in for the Stateless library (dotnet-state-machine/stateless), reduced to the members the
// services use. Messages are the library's: an unhandled trigger throws
// InvalidOperationException("No valid leaving transitions are permitted from state '<state>' for
// trigger '<trigger>'. Consider ignoring the trigger."), and a trigger whose guards fail throws
// InvalidOperationException("Trigger '<trigger>' is valid for transition from state '<state>' but a
// guard conditions are not met. Guard descriptions: '<descriptions>'."). A Transition prints its
// trigger, source and destination; its Parameters are the arguments the trigger was fired with.
public enum FiringMode
{
    Immediate,
    Queued,
}

public class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Func<TState> _read;
    private readonly Action<TState> _write;
    private readonly Dictionary<TState, StateConfiguration> _configs = new();
    private readonly List<Action<Transition>> _transitioned = new();
    private Action<TState, TTrigger>? _unhandled;

    public StateMachine(TState initialState)
    {
        var state = initialState;
        _read = () => state;
        _write = s => state = s;
    }

    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator, FiringMode firingMode = FiringMode.Queued)
    {
        _read = stateAccessor;
        _write = stateMutator;
    }

    public TState State => _read();

    public IEnumerable<TTrigger> PermittedTriggers => Config(State).Permitted.Keys;

    public StateConfiguration Configure(TState state) => Config(state);

    public TriggerWithParameters<TArg0> SetTriggerParameters<TArg0>(TTrigger trigger) => new(trigger);

    public bool CanFire(TTrigger trigger) => Config(State).Permitted.TryGetValue(trigger, out var p) && p.Guard();

    public void OnTransitioned(Action<Transition> onTransitionAction) => _transitioned.Add(onTransitionAction);

    public void OnUnhandledTrigger(Action<TState, TTrigger> unhandledTriggerAction) => _unhandled = unhandledTriggerAction;

    public void Fire(TTrigger trigger) => Dispatch(trigger, Array.Empty<object?>());

    public Task FireAsync(TTrigger trigger)
    {
        Dispatch(trigger, Array.Empty<object?>());
        return Task.CompletedTask;
    }

    public void Fire<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0) => Dispatch(trigger.Trigger, new object?[] { arg0 });

    public Task FireAsync<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0)
    {
        Dispatch(trigger.Trigger, new object?[] { arg0 });
        return Task.CompletedTask;
    }

    public override string ToString() =>
        $"StateMachine {{ State = {State}, PermittedTriggers = {{ {string.Join(", ", PermittedTriggers)} }}}}";

    private StateConfiguration Config(TState state)
    {
        if (!_configs.TryGetValue(state, out var config))
        {
            _configs[state] = config = new StateConfiguration(state);
        }
        return config;
    }

    private void Dispatch(TTrigger trigger, object?[] args)
    {
        var source = State;
        var config = Config(source);
        if (config.Ignored.Contains(trigger))
        {
            return;
        }
        if (!config.Permitted.TryGetValue(trigger, out var permit))
        {
            if (_unhandled is { } handler)
            {
                handler(source, trigger);
                return;
            }
            throw new InvalidOperationException($"No valid leaving transitions are permitted from state '{source}' for trigger '{trigger}'. Consider ignoring the trigger.");
        }
        if (!permit.Guard())
        {
            throw new InvalidOperationException($"Trigger '{trigger}' is valid for transition from state '{source}' but a guard conditions are not met. Guard descriptions: '{permit.GuardDescription}'.");
        }
        var transition = new Transition(source, permit.Destination, trigger, args);
        foreach (var exit in config.Exits)
        {
            exit(transition);
        }
        _write(permit.Destination);
        foreach (var observer in _transitioned)
        {
            observer(transition);
        }
        foreach (var entry in Config(permit.Destination).Entries)
        {
            entry(transition);
        }
    }

    public sealed class TriggerWithParameters<TArg0>(TTrigger trigger)
    {
        public TTrigger Trigger { get; } = trigger;
    }

    public sealed class Transition(TState source, TState destination, TTrigger trigger, object?[] parameters)
    {
        public TState Source { get; } = source;

        public TState Destination { get; } = destination;

        public TTrigger Trigger { get; } = trigger;

        public object?[] Parameters { get; } = parameters;

        public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);

        public override string ToString() => $"{Trigger}: {Source} -> {Destination}";
    }

    public sealed class StateConfiguration(TState state)
    {
        internal Dictionary<TTrigger, (TState Destination, Func<bool> Guard, string GuardDescription)> Permitted { get; } = new();

        internal HashSet<TTrigger> Ignored { get; } = new();

        internal List<Action<Transition>> Entries { get; } = new();

        internal List<Action<Transition>> Exits { get; } = new();

        public TState State { get; } = state;

        public StateConfiguration Permit(TTrigger trigger, TState destinationState)
        {
            Permitted[trigger] = (destinationState, () => true, "");
            return this;
        }

        public StateConfiguration PermitIf(TTrigger trigger, TState destinationState, Func<bool> guard, string? guardDescription = null)
        {
            Permitted[trigger] = (destinationState, guard, guardDescription ?? "Function");
            return this;
        }

        public StateConfiguration PermitReentry(TTrigger trigger) => Permit(trigger, State);

        public StateConfiguration Ignore(TTrigger trigger)
        {
            Ignored.Add(trigger);
            return this;
        }

        public StateConfiguration SubstateOf(TState superstate) => this;

        public StateConfiguration OnEntry(Action entryAction, string? entryActionDescription = null)
        {
            Entries.Add(_ => entryAction());
            return this;
        }

        public StateConfiguration OnEntry(Action<Transition> entryAction, string? entryActionDescription = null)
        {
            Entries.Add(entryAction);
            return this;
        }

        public StateConfiguration OnEntryFrom<TArg0>(TriggerWithParameters<TArg0> trigger, Action<TArg0, Transition> entryAction, string? entryActionDescription = null)
        {
            Entries.Add(t =>
            {
                if (EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger.Trigger))
                {
                    entryAction((TArg0)t.Parameters[0]!, t);
                }
            });
            return this;
        }

        public StateConfiguration OnEntryAsync(Func<Transition, Task> entryAction, string? entryActionDescription = null)
        {
            Entries.Add(t => entryAction(t).GetAwaiter().GetResult());
            return this;
        }

        public StateConfiguration OnExit(Action<Transition> exitAction, string? exitActionDescription = null)
        {
            Exits.Add(exitAction);
            return this;
        }
    }
}
