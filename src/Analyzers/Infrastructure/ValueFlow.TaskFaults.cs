using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: What a faulted task's exception carries.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// <c>task.Exception</c> of a task that faulted: the exceptions of the work the task stands for.
    /// That is what the method it came from throws (<c>SendAsync(…).ContinueWith(t => Log(t.Exception))</c>),
    /// what the tasks a <c>Task.WhenAll</c> joins throw (<c>var all = Task.WhenAll(sends); … all.Exception</c>),
    /// and what a dataflow block's delegate throws (<c>block.Completion.ContinueWith(t => …)</c>).
    /// </summary>
    private FlowResult TaskFaults(IOperation task, Frame frame, int depth)
    {
        if (depth > MaxDepth || _known.Exception is not { } any)
        {
            return FlowResult.Unknown;
        }
        switch (OperationTree.Unwrap(task))
        {
            case IParameterReferenceOperation parameter when ContinuedTask(parameter) is { } antecedent:
                return TaskFaults(antecedent, frame, depth + 1);
            case ILocalReferenceOperation local when frame.Visited.Add(local.Local):
                var written = FlowResult.Unknown;
                foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
                {
                    written = FlowResult.Combine(written, TaskFaults(write, frame, depth + 1));
                }
                return written;
            case IAwaitOperation awaited:
                // await sends.ContinueWith(t => t): the task handed back is the one that was continued.
                return TaskFaults(awaited.Operation, frame, depth + 1);
            case IPropertyReferenceOperation { Property.Name: "Completion", Instance: { } block } when IsDataflowBlock(block.Type):
                return BlockFaults(block, any, frame, depth);
            case IInvocationOperation { TargetMethod.Name: "ContinueWith", Instance: { } antecedent }:
                return TaskFaults(antecedent, frame, depth + 1);
            case IInvocationOperation invocation:
                // Task.WhenAll(sends), Task.Run(() => …), SendAsync(…): whatever the calls it makes (and the
                // lambdas it is handed) throw, the tasks they return fault with. The locals it is handed
                // (var sends = guardians.Select(g => NotifyAsync(g)).ToList()) are read for theirs.
                var thrown = MayThrow(invocation, CaughtTypes.Of(any), frame, depth, MaxThrowingCalls);
                foreach (var argument in invocation.Arguments)
                {
                    if (OperationTree.Unwrap(argument.Value) is ILocalReferenceOperation joined)
                    {
                        thrown = FlowResult.Combine(thrown, TaskFaults(joined, frame, depth + 1));
                    }
                }
                return thrown;
            default:
                return FlowResult.Unknown;
        }
    }

    /// <summary>The task a continuation lambda is handed: <c>antecedent.ContinueWith(t => …)</c>'s <c>t</c>.</summary>
    private static IOperation? ContinuedTask(IParameterReferenceOperation parameter) =>
        LambdaUse(parameter) is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ContinueWith", Instance: { } antecedent } } ? antecedent : null;

    /// <summary>
    /// Where the lambda whose first parameter <paramref name="parameter"/> reads is handed: the
    /// argument (or other operation) around it, past the delegate creation and conversions.
    /// </summary>
    private static IOperation? LambdaUse(IParameterReferenceOperation parameter)
    {
        if (parameter.Parameter is not { Ordinal: 0, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda })
        {
            return null;
        }
        for (var current = parameter.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
            {
                var outer = function.Parent;
                while (outer is IDelegateCreationOperation or IConversionOperation)
                {
                    outer = outer.Parent;
                }
                return outer;
            }
        }
        return null;
    }

    /// <summary>What a dataflow block's <c>Completion</c> faults with: what the delegate it was created with throws.</summary>
    private FlowResult BlockFaults(IOperation block, ITypeSymbol any, Frame frame, int depth)
    {
        var creations = OperationTree.Unwrap(block) switch
        {
            ILocalReferenceOperation local => LocalWrites(local.Local, OperationTree.Root(local)).Select(w => w.Value).ToList(),
            IMemberReferenceOperation member => _index.WritesOf(member.Member, frame.CancellationToken).ToList(),
            _ => new List<IOperation>(),
        };
        var result = FlowResult.Unknown;
        foreach (var creation in creations.Select(OperationTree.Unwrap).OfType<IObjectCreationOperation>())
        {
            foreach (var argument in creation.Arguments)
            {
                if (OperationTree.Unwrap(argument.Value) is IAnonymousFunctionOperation or IDelegateCreationOperation)
                {
                    result = FlowResult.Combine(result, MayThrow(argument.Value, CaughtTypes.Of(any), frame, depth, MaxThrowingCalls));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The exception an observer's <c>onError</c> lambda is handed (<c>feed.Where(…).Subscribe(onNext, ex => Log(ex))</c>):
    /// what the source passes to <c>OnError</c> of the subject the chain starts from, and nothing when it
    /// never does. Null when the lambda is no <c>onError</c> or the chain's start is not a variable.
    /// </summary>
    private FlowResult? ObservedErrors(IParameterReferenceOperation parameter, Frame frame, int depth)
    {
        var outer = LambdaUse(parameter);
        if (outer is not IArgumentOperation { Parameter.Name: "onError", Parent: IInvocationOperation { TargetMethod.Name: "Subscribe" } subscribe })
        {
            return null;
        }
        var start = subscribe.Instance ?? (subscribe.Arguments.Length > 0 ? subscribe.Arguments[0].Value : null);
        while (start is not null && OperationTree.Unwrap(start) is IInvocationOperation link)
        {
            start = link.Instance ?? (link.Arguments.Length > 0 ? link.Arguments[0].Value : null);
        }
        // The subject the chain starts from: a field, property, local or parameter (not a call's result).
        var subject = start is null ? null : ReferencedSymbol(OperationTree.Unwrap(start)) is { } referenced and not IMethodSymbol ? referenced : null;
        if (subject is null || OperationTree.Unwrap(start!).Type is not INamedTypeSymbol subjectType)
        {
            return null;
        }
        if (subject is IParameterSymbol)
        {
            // An observable handed in: its errors are its maker's, which the source does not show raising any.
            return FlowResult.Safe;
        }
        var result = FlowResult.Safe;
        foreach (var onError in subjectType.GetMembers("OnError").Concat(subjectType.AllInterfaces.SelectMany(i => i.GetMembers("OnError"))).OfType<IMethodSymbol>())
        {
            foreach (var call in _index.ReferencesOf(onError.OriginalDefinition, frame.CancellationToken).OfType<IInvocationOperation>())
            {
                if (call.Arguments.Length == 1 && call.Instance is { } receiver
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(receiver))?.OriginalDefinition, subject.OriginalDefinition))
                {
                    result = FlowResult.Combine(result, ForwardedError(call.Arguments[0].Value, frame, depth + 1));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The exception passed on to a subject: when it is the parameter of an observer's own
    /// <c>OnError(Exception error) => _subject.OnError(error)</c>, what that observer's callers hand it.
    /// </summary>
    private FlowResult ForwardedError(IOperation error, Frame frame, int depth)
    {
        if (OperationTree.Unwrap(error) is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } } parameter })
        {
            return ExceptionMessage(error, frame, depth);
        }
        var result = FlowResult.Safe;
        foreach (var (_, handed) in ArgumentsHandedTo(parameter, frame.CancellationToken))
        {
            result = FlowResult.Combine(result, ExceptionMessage(handed, frame, depth + 1));
        }
        return result;
    }

    private static bool IsTask(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } })
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsDataflowBlock(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks.Dataflow"
        || type?.AllInterfaces.Any(i => i.Name == "IDataflowBlock") == true;
}
