using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: health reports. The health-check service runs the source's checks and
// hands their results to publishers and response writers as a HealthReport, so an entry's
// Description, Data and Exception are whatever some check of the source put in its result. A
// compilation may hold several services: the checks of the reader's own namespace answer for it when
// it has any, all of the source's otherwise.
internal sealed partial class ValueFlow
{
    private readonly ConcurrentDictionary<(string Part, string Namespace), FlowResult> _healthResultParts = new();

    private const string HealthChecksNamespace = "Microsoft.Extensions.Diagnostics.HealthChecks";

    /// <summary>
    /// <c>entry.Description</c>, <c>entry.Data</c> or <c>entry.Exception</c> of a <c>HealthReportEntry</c>:
    /// what the source's health checks give their results for that part. Null for other members.
    /// </summary>
    private FlowResult? HealthReportPart(IMemberReferenceOperation member, Frame frame)
    {
        if (member is not IPropertyReferenceOperation { Property: { Name: "Description" or "Data" or "Exception" } property }
            || property.ContainingType is not { Name: "HealthReportEntry" } entry
            || entry.ContainingNamespace?.ToDisplayString() != HealthChecksNamespace)
        {
            return null;
        }
        var reader = member.SemanticModel?.GetEnclosingSymbol(member.Syntax.SpanStart, frame.CancellationToken);
        var key = (property.Name, NamespaceOf(reader));
        var parts = _healthResultParts.TryGetValue(key, out var known)
            ? known
            : _healthResultParts.GetOrAdd(key, k => SearchHealthResults(k.Part, k.Namespace, frame));
        return parts.Identifier is { } identifier
            ? Found(member, identifier.Domain, $"{Describe(member)} (a health check of the source gives {identifier.Origin})")
            : parts.Hash is not null || parts.Sanitized ? parts.WithoutParameters() : FlowResult.Unknown;
    }

    /// <summary>
    /// What the source's health checks pass as one part of their results: the <c>description</c>,
    /// <c>data</c> or <c>exception</c> argument of every <c>HealthCheckResult.Healthy</c>,
    /// <c>Degraded</c> and <c>Unhealthy</c> call and every <c>new HealthCheckResult(…)</c>.
    /// </summary>
    private FlowResult SearchHealthResults(string part, string readerNamespace, Frame frame)
    {
        var parameter = part switch
        {
            "Description" => "description",
            "Data" => "data",
            _ => "exception",
        };
        var results = HealthResultsMade(frame).ToList();
        var ownNamespace = results.Where(r => NamespaceOf(r.SemanticModel?.GetEnclosingSymbol(r.Syntax.SpanStart, frame.CancellationToken)) == readerNamespace).ToList();
        var result = FlowResult.Safe;
        foreach (var arguments in (ownNamespace.Count > 0 ? ownNamespace : results).Select(ArgumentsOf))
        {
            if (OperationTree.Argument(arguments, parameter) is { } given)
            {
                var callee = new Frame(_optionsFor(given.Syntax.SyntaxTree), new HashSet<object>(), frame.CancellationToken);
                result = FlowResult.Combine(result, Evaluate(given, callee, 1).WithoutParameters());
                if (result.Identifier is not null)
                {
                    return result;
                }
            }
        }
        return result;
    }

    private static ImmutableArray<IArgumentOperation> ArgumentsOf(IOperation made) =>
        made is IInvocationOperation call ? call.Arguments : ((IObjectCreationOperation)made).Arguments;

    private static string NamespaceOf(ISymbol? symbol) => symbol?.ContainingNamespace?.ToDisplayString() ?? "";

    private IEnumerable<IOperation> HealthResultsMade(Frame frame)
    {
        foreach (var name in new[] { "Healthy", "Degraded", "Unhealthy" })
        {
            foreach (var call in _index.CallsNamed(name, frame.CancellationToken))
            {
                if (IsHealthCheckResult(call.TargetMethod.ContainingType))
                {
                    yield return call;
                }
            }
        }
        foreach (var creation in _index.CreationsNamed("HealthCheckResult", frame.CancellationToken))
        {
            if (IsHealthCheckResult(creation.Type))
            {
                yield return creation;
            }
        }
    }

    private static bool IsHealthCheckResult(ITypeSymbol? type) =>
        type is { Name: "HealthCheckResult" } && type.ContainingNamespace?.ToDisplayString() == HealthChecksNamespace;
}
