using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a constructor that keeps a parameter (in a field or property, or captured
// from a primary constructor) that another member of its type sends to telemetry (a timing scope
// whose Dispose tags what it was created with): each creation's argument is the sink.
internal sealed partial class ValueFlow
{
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ForwardedSink>> _constructorForwards = new(SymbolEqualityComparer.Default);

    /// <summary>The telemetry sites a creation makes through the constructor it calls: <c>new StageTimer(activity, studentNumber)</c>.</summary>
    public void AddSitesOfCreation(IObjectCreationOperation creation, List<TelemetrySite> sites, CancellationToken cancellationToken)
    {
        if (creation.Constructor is not { } constructor || !HasSource(constructor) || IsGenerated(constructor) || !MayTakeIdentifier(constructor))
        {
            return;
        }
        foreach (var sink in ConstructorForwards(constructor.OriginalDefinition, cancellationToken))
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.OriginalDefinition, sink.Parameter) && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    sites.Add(new TelemetrySite(sink.Kind, null, argument.Value, sink.KeyName) { HandedToHelper = true });
                }
            }
        }
    }

    private ImmutableArray<ForwardedSink> ConstructorForwards(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        if (_constructorForwards.TryGetValue(constructor, out var known))
        {
            return known;
        }
        var underWay = s_constructorsUnderWay ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!underWay.Add(constructor))
        {
            // A member that makes another of its own type: what this one forwards is being found.
            return ImmutableArray<ForwardedSink>.Empty;
        }
        try
        {
            return _constructorForwards.GetOrAdd(constructor, FindConstructorForwards(constructor, cancellationToken));
        }
        finally
        {
            underWay.Remove(constructor);
        }
    }

    [System.ThreadStatic]
    private static HashSet<IMethodSymbol>? s_constructorsUnderWay;

    private ImmutableArray<ForwardedSink> FindConstructorForwards(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var kept = KeptParameters(constructor, cancellationToken);
        var sinks = ImmutableArray.CreateBuilder<ForwardedSink>();
        if (kept.Count > 0)
        {
            var sites = new List<TelemetrySite>();
            var names = new List<TelemetryName>();
            // Only the members whose text names what was kept are bound.
            var readers = kept.Keys.SelectMany(held => _index.MethodsNaming(held.Name, constructor.ContainingType, cancellationToken))
                .Distinct<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var member in readers)
            {
                if (member.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
                {
                    continue;
                }
                foreach (var body in Bodies(member, cancellationToken, MaxForwardingBody))
                {
                    foreach (var operation in OperationTree.Descendants(body))
                    {
                        CollectSitesOf(operation, sites, names, MaxForwardingCalls - 1, cancellationToken);
                        foreach (var site in sites)
                        {
                            foreach (var parameter in KeptIn(site.Value, kept))
                            {
                                if (!sinks.Any(s => SymbolEqualityComparer.Default.Equals(s.Parameter, parameter) && s.Kind == site.Kind))
                                {
                                    sinks.Add(new ForwardedSink(parameter, site.Kind, site.KeyName));
                                }
                            }
                        }
                    }
                }
            }
        }
        return sinks.ToImmutable();
    }

    /// <summary>
    /// What the constructor keeps of its parameters: the fields and properties of its own instance it
    /// assigns from one (<c>_subject = subject</c>), and, for a primary constructor, the parameters
    /// themselves, which the members capture.
    /// </summary>
    private Dictionary<ISymbol, IParameterSymbol> KeptParameters(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var kept = new Dictionary<ISymbol, IParameterSymbol>(SymbolEqualityComparer.Default);
        var forwardable = constructor.Parameters.Where(p => CouldForward(p.Type)).ToList();
        if (forwardable.Count == 0 || IsException(constructor.ContainingType))
        {
            // An exception's constructor is judged by the message it builds.
            return kept;
        }
        if (SourceIndex.IsPrimaryConstructor(constructor))
        {
            // The members capture the parameters themselves (judged where they are sent, too, by what
            // every creation passes).
            foreach (var parameter in forwardable)
            {
                kept[parameter.OriginalDefinition] = parameter.OriginalDefinition;
            }
            return kept;
        }
        foreach (var body in Bodies(constructor, cancellationToken, MaxForwardingBody))
        {
            foreach (var assignment in OperationTree.Descendants(body).OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is not IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol, Instance: IInstanceReferenceOperation } target)
                {
                    continue;
                }
                // _subject = subject, _subject = subject.Trim(): the parameter is read in what is stored.
                foreach (var read in OperationTree.Descendants(assignment.Value).Prepend(assignment.Value).OfType<IParameterReferenceOperation>())
                {
                    if (forwardable.Contains(read.Parameter, SymbolEqualityComparer.Default))
                    {
                        kept[target.Member.OriginalDefinition] = read.Parameter.OriginalDefinition;
                    }
                }
            }
        }
        return kept;
    }

    /// <summary>The constructor parameters whose kept copy a value sent to telemetry reads.</summary>
    private static IEnumerable<IParameterSymbol> KeptIn(IOperation value, Dictionary<ISymbol, IParameterSymbol> kept)
    {
        foreach (var operation in OperationTree.Descendants(value).Prepend(value))
        {
            var read = operation switch
            {
                IMemberReferenceOperation { Instance: IInstanceReferenceOperation or null } member => member.Member.OriginalDefinition,
                IParameterReferenceOperation captured => captured.Parameter.OriginalDefinition,
                _ => null,
            };
            if (read is not null && kept.TryGetValue(read, out var given))
            {
                yield return given;
            }
        }
    }
}
