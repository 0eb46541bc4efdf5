using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: Where values enter telemetry through calls: project helpers that forward a parameter, helpers that return tags, and the generated API.
internal sealed partial class ValueFlow
{
    /// <summary>The value of a telemetry site, judged as the sink writes it.</summary>
    public FlowResult EvaluateSite(TelemetrySite site, TelemetryOptions options, CancellationToken cancellationToken)
    {
        if (!site.SentMembers.IsEmpty)
        {
            return EvaluateSiteOnce(site, options, cancellationToken);
        }
        // TC1001, TC1002 and TC1003 each judge the same sites: the flow is followed once for all three.
        // Only rules ask here, outside any summary under way, so an answer does not depend on who asked first.
        var key = new SiteKey(site.Value, site.Kind, site.Destructured, site.RedactsClassifiedMembers, site.Format, site.ReturnedByHelper, options);
        if (_sites.TryGetValue(key, out var known))
        {
            return known;
        }
        return _sites.GetOrAdd(key, EvaluateSiteOnce(site, options, cancellationToken));
    }

    /// <summary>What makes two rules' sites the same question: the value and how it is sent.</summary>
    private readonly record struct SiteKey(IOperation Value, SinkKind Kind, bool Destructured, bool RedactsClassifiedMembers, string? Format, bool ReturnedByHelper, TelemetryOptions Options);

    private FlowResult EvaluateSiteOnce(TelemetrySite site, TelemetryOptions options, CancellationToken cancellationToken)
    {
        if (site.Kind == SinkKind.ThrownException)
        {
            return EvaluateThrown(site, options, cancellationToken);
        }
        if (!site.SentMembers.IsEmpty)
        {
            return SentMembersOf(site, options, cancellationToken);
        }
        if (site.ReturnedByHelper && OperationTree.Unwrap(site.Value) is IInvocationOperation helper && HasSource(helper.TargetMethod))
        {
            var frame = new Frame(options, new HashSet<object>(), cancellationToken);
            return Rewrapped(CallSummary(helper, ReturnedTags(helper.TargetMethod, site.Kind, frame), frame, 0), helper);
        }
        if (TupleSentWhole(site.Value, options) is { } element)
        {
            return Found(site.Value, element.Domain, $"{Describe(site.Value)} (its element {element.Origin})");
        }
        var result = site.Destructured
            ? EvaluateDestructured(site.Value, site.RedactsClassifiedMembers, options, cancellationToken)
            : Evaluate(site.Value, options, cancellationToken);
        if (result.Identifier is null && site.Kind == SinkKind.LogValue && !site.Destructured && PrintedElements(site.Value, options, cancellationToken) is { } printed)
        {
            return printed;
        }
        if (result.Identifier is null && site.Kind == SinkKind.LogValue && !site.Destructured && site.Format is { } format
            && FormattedValue(site.Value, format, new Frame(options, new HashSet<object>(), cancellationToken), 0) is { Identifier: not null } rendered)
        {
            // {Email:F}: the rendered message holds what the value's ToString gives for that format.
            return rendered;
        }
        if (result.Identifier is null && site.Kind == SinkKind.LogValue && LoggedDictionaryKeys(site.Value, options, cancellationToken) is { } keys)
        {
            return keys;
        }
        return result;
    }

    /// <summary>
    /// A sequence of the source's objects logged as a value (<c>{Matches}</c>): the logger writes each
    /// element as the element prints itself, so a list of records that print an identifier prints them all.
    /// </summary>
    private FlowResult? PrintedElements(IOperation value, TelemetryOptions options, CancellationToken cancellationToken)
    {
        var type = OperationTree.Unwrap(value).Type;
        if (type is null || type.SpecialType == SpecialType.System_String || IsDictionary(type))
        {
            return null;
        }
        if (SequenceElement(type) is not INamedTypeSymbol { IsRecord: true } record || record.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }
        var frame = new Frame(options, new HashSet<object>(), cancellationToken);
        return PrintedIdentifier(record, frame) is { } member
            ? Found(value, member.Domain, $"{Describe(value)} (each element's {member.Origin})")
            : null;
    }

    /// <summary>
    /// The values a helper puts into the tags it returns (<c>TagList BuildTags(…)</c>, a dictionary
    /// for <c>BeginScope</c>, an array of pairs), in terms of its parameters.
    /// </summary>
    private FlowResult ReturnedTags(IMethodSymbol method, SinkKind kind, Frame frame)
    {
        method = method.ReducedFrom ?? method;
        var key = ("tags", method.OriginalDefinition, kind);
        if (_returnedTags.TryGetValue((method.OriginalDefinition, kind), out var cached))
        {
            return cached;
        }
        if (!frame.Active.Add(key))
        {
            return FlowResult.Unknown;
        }
        try
        {
            var result = FlowResult.Safe;
            foreach (var body in Bodies(method, frame.CancellationToken))
            {
                var callee = frame.For(_optionsFor(body.Syntax.SyntaxTree));
                var sites = new List<TelemetrySite>();
                foreach (var returned in ReturnedValues(body))
                {
                    TelemetrySinks.ScanTags(returned, kind, _known, sites);
                }
                var names = new List<TelemetryName>();
                foreach (var operation in OperationTree.Descendants(body))
                {
                    names.Clear();
                    TelemetrySinks.Collect(operation, _known, sites, names);
                }
                foreach (var site in sites)
                {
                    result = FlowResult.Combine(result, site.ReturnedByHelper ? FlowResult.Unknown : Evaluate(site.Value, callee, 1));
                }
            }
            return _returnedTags.GetOrAdd((method.OriginalDefinition, kind), result);
        }
        finally
        {
            frame.Active.Remove(key);
        }
    }

    /// <summary>
    /// A dictionary kept in a field or property, filled in a local or handed in, and logged whole
    /// (<c>{Decliners}</c>, <c>_declinesByCard</c>, <c>forecasts[point.MeterSerial] = …</c>, <c>ordersByCustomer</c>):
    /// a log writes out its entries, so the keys the code puts in or its name says it is keyed by. Null when those hold no identifier.
    /// </summary>
    private FlowResult? LoggedDictionaryKeys(IOperation value, TelemetryOptions options, CancellationToken cancellationToken)
    {
        var unwrapped = OperationTree.Unwrap(value);
        if (unwrapped is not (IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } or ILocalReferenceOperation or IParameterReferenceOperation)
            || unwrapped.Type is not INamedTypeSymbol { Name: "Dictionary" or "ConcurrentDictionary" or "SortedDictionary" or "IDictionary" or "IReadOnlyDictionary" })
        {
            return null;
        }
        var keys = DictionaryKeysOf(unwrapped, new Frame(options, new HashSet<object>(), cancellationToken), 0);
        return keys?.Identifier is null ? null : Rewrapped(keys, unwrapped);
    }

    /// <summary>
    /// The telemetry sites a call creates through the method it calls: a project method that
    /// sends a parameter on to telemetry (a tagging helper, a logging wrapper) makes its argument a
    /// sink; every parameter of the generated API that is not a <c>Pseudonym</c> is one.
    /// </summary>
    public void AddSitesOfCall(IInvocationOperation invocation, List<TelemetrySite> sites, CancellationToken cancellationToken) =>
        AddSitesOfCall(invocation, sites, MaxForwardingCalls, cancellationToken);

    /// <param name="helpers">How many helpers deep the callee may be followed: each level binds every method the one above calls.</param>
    private void AddSitesOfCall(IInvocationOperation invocation, List<TelemetrySite> sites, int helpers, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (!HasSource(method))
        {
            return;
        }
        if (IsGenerated(method))
        {
            AddGeneratedApiSites(invocation, sites);
            return;
        }
        var forwarded = ForwardedSinks(method, helpers, cancellationToken);
        foreach (var sink in forwarded)
        {
            if (sink.Member is not null)
            {
                continue;
            }
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.OriginalDefinition, sink.Parameter) && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    if (sink.KeyName is null && TelemetrySinks.IsTagContainer(argument.Value.Type, _known))
                    {
                        // metrics.Increment("checkout", 1, new("channel", c), new("customer", id)): each tag
                        // the caller hands the facade is a site of its own, as at the instrument.
                        TelemetrySinks.ScanTags(argument.Value, sink.Kind, _known, sites);
                    }
                    else
                    {
                        sites.Add(new TelemetrySite(sink.Kind, null, argument.Value, sink.KeyName) { HandedToHelper = true });
                    }
                }
            }
        }
        AddSitesOfSentMembers(invocation, forwarded, sites);
    }

    private static void ReportForwardingDepth(int needed) => s_forwardingNeeded = Math.Max(s_forwardingNeeded, needed);

    /// <summary>Whether any parameter of the method can hand an identifier on.</summary>
    private bool MayTakeIdentifier(IMethodSymbol method) => method.Parameters.Any(p => CouldForward(p.Type));

    /// <summary>A parameter of this type can hand an identifier on: text, numbers, their sequences, objects that print, exceptions.</summary>
    private bool CouldForward(ITypeSymbol type) =>
        CarriesIdentifier(type) || type.SpecialType == SpecialType.System_Object || IsException(type)
        || (type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.DeclaringSyntaxReferences.IsEmpty)
        || type.TypeKind is TypeKind.TypeParameter || type.Name == "KeyValuePair" || IsPairSequence(type);

    /// <summary>A dictionary or a list of tags (<c>IReadOnlyDictionary&lt;string, string?&gt;</c>, <c>IEnumerable&lt;KeyValuePair&lt;…&gt;&gt;</c>).</summary>
    private static bool IsPairSequence(ITypeSymbol type) =>
        (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } sequence && sequence.TypeArguments[0].Name == "KeyValuePair")
        || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && i.TypeArguments[0].Name == "KeyValuePair");

    /// <summary>A <c>Pseudonym.FromComputed(…)</c> call, or a local given one: a value vouched for, not computed here.</summary>
    private bool IsDeclaredPseudonym(IOperation value)
    {
        var operation = OperationTree.Unwrap(value);
        if (operation is ILocalReferenceOperation local)
        {
            return LocalWrites(local.Local, OperationTree.Root(local)).Any(w => IsFromComputed(OperationTree.Unwrap(w.Value)));
        }
        return IsFromComputed(operation);
    }

    /// <summary><c>Pseudonym.FromComputed(text)</c>: a static call on <c>Pseudonym</c> that vouches for the text it is given.</summary>
    private bool IsFromComputed(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod.IsStatic: true, Arguments.Length: 1 } call && _known.IsPseudonym(call.TargetMethod.ContainingType);

    private void AddGeneratedApiSites(IInvocationOperation invocation, List<TelemetrySite> sites)
    {
        var method = invocation.TargetMethod;
        if (_known.IsPseudonym(method.ReturnType) || GeneratedApi.IsPseudonymHelper(method, _known.IsPseudonymizer))
        {
            // The generated pseudonymisation helpers take the raw value: that is what they are for.
            return;
        }
        if (IsOpenEnumCustom(method) && !IsHandedToGeneratedApi(invocation))
        {
            // Custom("…") kept in a local, a field or a helper's return: judged where the value is sent.
            return;
        }
        // AddFailure/RecordFailure record the exception's type as error.type, never its message.
        var recordsMessage = method.Name is not ("RecordException" or "AddFailure" or "RecordFailure")
            || invocation.Arguments.Any(a => a.Parameter?.Name == "includeMessage" && a.ArgumentKind != ArgumentKind.DefaultValue && !(a.Value.ConstantValue is { HasValue: true, Value: false }));
        // Measure builds an observable instrument's measurement: its tags are metric tags too.
        var isMetric = GeneratedApi.IsMetricRecording(method);
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                continue;
            }
            if (isMetric && parameter.Ordinal > 0 && !IsException(parameter.Type))
            {
                // A metric's tag, a pseudonym included: one series per person is what TC1003 judges.
                sites.Add(new TelemetrySite(SinkKind.MetricAttribute, null, argument.Value));
                continue;
            }
            if (_known.IsPseudonym(parameter.Type))
            {
                // A Pseudonym parameter is safe by its type, unless the value was only declared one:
                // Pseudonym.FromComputed(rawAccountId) sends the raw id under a pseudonym's name.
                if (IsDeclaredPseudonym(argument.Value))
                {
                    sites.Add(new TelemetrySite(SinkKind.SpanAttribute, null, argument.Value));
                }
                continue;
            }
            if (IsException(parameter.Type))
            {
                if (recordsMessage)
                {
                    sites.Add(new TelemetrySite(SinkKind.ExceptionMessage, null, argument.Value));
                }
                continue;
            }
            if (CarriesIdentifier(parameter.Type))
            {
                var kind = parameter.Name is "spanName" or "name" ? SinkKind.SpanName : parameter.Name == "description" ? SinkKind.SpanStatus : SinkKind.SpanAttribute;
                sites.Add(new TelemetrySite(kind, null, argument.Value));
                continue;
            }
            if (IsOpenEnumValue(parameter.Type) && !OperationTree.Descendants(argument.Value).OfType<IInvocationOperation>().Any(c => IsOpenEnumCustom(c.TargetMethod)))
            {
                // An open enum's value made elsewhere: its Custom("…") text goes on the wire.
                sites.Add(new TelemetrySite(SinkKind.SpanAttribute, null, argument.Value));
            }
        }
    }

    /// <summary>A generated open enum's <c>Custom(string)</c>: the text it is given goes on the wire.</summary>
    private bool IsOpenEnumCustom(IMethodSymbol method) =>
        method is { IsStatic: true, Name: "Custom", Parameters.Length: 1 } && IsGenerated(method);

    /// <summary>A generated open enum's value type: one that can be made with <c>Custom(string)</c>.</summary>
    private bool IsOpenEnumValue(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct } named && !named.DeclaringSyntaxReferences.IsEmpty
        && named.GetMembers("Custom").OfType<IMethodSymbol>().Any(IsOpenEnumCustom);

    /// <summary>
    /// Whether a <c>Custom(…)</c> value is handed straight to a generated method, directly or as a
    /// branch of a choice (<c>known ? Category.Abuse : CategoryValue.Custom(text)</c>).
    /// </summary>
    private bool IsHandedToGeneratedApi(IOperation value)
    {
        for (var node = value.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case IConversionOperation or IParenthesizedOperation or IConditionalOperation or ICoalesceOperation or ISwitchExpressionArmOperation or ISwitchExpressionOperation:
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    return IsGenerated(call.TargetMethod.ReducedFrom ?? call.TargetMethod) || !HasSource(call.TargetMethod.ReducedFrom ?? call.TargetMethod);
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>
    /// The telemetry sites of one operation of a body being summarised (the lists are cleared first):
    /// its own, those a project method it calls forwards, and those a constructor it calls keeps for
    /// another member (<c>Time(…) => new TimingScope(…, studentNumber)</c>).
    /// </summary>
    private void CollectSitesOf(IOperation operation, List<TelemetrySite> sites, List<TelemetryName> names, int helpers, CancellationToken cancellationToken)
    {
        sites.Clear();
        names.Clear();
        TelemetrySinks.Collect(operation, _known, sites, names);
        if (operation is IInvocationOperation call)
        {
            AddSitesOfCall(call, sites, helpers, cancellationToken);
        }
        else if (operation is IObjectCreationOperation created)
        {
            AddSitesOfCreation(created, sites, cancellationToken);
        }
    }

    private ImmutableArray<ForwardedSink> ForwardedSinks(IMethodSymbol method, int helpers, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        // So that an answer never depends on which call asked first, an answer is kept with the depth
        // it needed: one that met the depth limit holds for its own depth only, any other for every
        // depth at least as large as it needed. Each answer reports to its caller what it needed.
        if (helpers <= 0)
        {
            ReportForwardingDepth(UnboundedDepth);
            return ImmutableArray<ForwardedSink>.Empty;
        }
        if (_forwardedAtAnyDepth.TryGetValue(method, out var whole) && whole.Needed <= helpers)
        {
            ReportForwardingDepth(whole.Needed);
            return whole.Sinks;
        }
        if (!MayTakeIdentifier(method))
        {
            // Nothing it is given can carry an identifier: the same answer at every depth, found without
            // binding, and kept, since every call of the method asks again.
            ReportForwardingDepth(1);
            _forwardedAtAnyDepth.TryAdd(method, (ImmutableArray<ForwardedSink>.Empty, 1));
            return ImmutableArray<ForwardedSink>.Empty;
        }
        if (_forwarded.TryGetValue((method, helpers), out var cached))
        {
            ReportForwardingDepth(UnboundedDepth);
            return cached;
        }
        var underWay = s_forwardingUnderWay ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!underWay.Add(method))
        {
            return ImmutableArray<ForwardedSink>.Empty;
        }
        var callerNeeded = s_forwardingNeeded;
        s_forwardingNeeded = 0;
        var needed = UnboundedDepth;
        try
        {
            var sinks = ImmutableArray.CreateBuilder<ForwardedSink>();
            // One pair of lists per summary, cleared for each operation: almost no operation is a
            // sink, and a body has hundreds of them.
            var sites = new List<TelemetrySite>();
            var names = new List<TelemetryName>();

            // One sink per parameter, kind and member sent (none when the parameter is sent itself).
            void AddOnce(IParameterSymbol parameter, TelemetrySite site, ISymbol? member)
            {
                if (!sinks.Any(s => SymbolEqualityComparer.Default.Equals(s.Parameter, parameter) && s.Kind == site.Kind && SymbolEqualityComparer.Default.Equals(s.Member, member)))
                {
                    sinks.Add(new ForwardedSink(parameter, site.Kind, site.KeyName, member));
                }
            }

            if (method.IsAbstract)
            {
                // A facade called through its interface (telemetry.Denied(session, …)) forwards what the
                // source's implementations forward, each parameter matched by its position.
                foreach (var implementation in _index.ImplementationsOf(method, cancellationToken))
                {
                    foreach (var sink in ForwardedSinks(implementation, helpers, cancellationToken))
                    {
                        if (sink.Parameter.Ordinal < method.Parameters.Length)
                        {
                            var parameter = method.Parameters[sink.Parameter.Ordinal].OriginalDefinition;
                            if (!sinks.Any(s => SymbolEqualityComparer.Default.Equals(s.Parameter, parameter) && s.Kind == sink.Kind && SymbolEqualityComparer.Default.Equals(s.Member, sink.Member)))
                            {
                                sinks.Add(new ForwardedSink(parameter, sink.Kind, sink.KeyName, sink.Member));
                            }
                        }
                    }
                }
            }
            foreach (var body in Bodies(method, cancellationToken, MaxForwardingBody))
            {
                var options = _optionsFor(body.Syntax.SyntaxTree);
                foreach (var operation in OperationTree.Descendants(body))
                {
                    CollectSitesOf(operation, sites, names, helpers - 1, cancellationToken);
                    foreach (var site in sites)
                    {
                        if (site.Kind == SinkKind.ThrownException && TelemetrySinks.IsCaughtWhereRaised(site.Value, null, out _))
                        {
                            // The helper catches what it (or a helper it calls) throws: nothing leaves it.
                            continue;
                        }
                        if (!site.SentMembers.IsEmpty)
                        {
                            // TagVisit(activity, visit) inside a helper given visit: its callers' argument is sent by the same members.
                            if (OperationTree.Unwrap(site.Value) is IParameterReferenceOperation passedOn
                                && SymbolEqualityComparer.Default.Equals(passedOn.Parameter.ContainingSymbol.OriginalDefinition, method))
                            {
                                foreach (var member in site.SentMembers)
                                {
                                    AddOnce(passedOn.Parameter.OriginalDefinition, site, member);
                                }
                            }
                            continue;
                        }
                        var flow = Evaluate(site.Value, options, cancellationToken);
                        foreach (var parameter in flow.Parameters)
                        {
                            if (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, method))
                            {
                                AddOnce(parameter.OriginalDefinition, site, null);
                            }
                        }
                        foreach (var (parameter, member) in ParameterMembersSent(site.Value, method))
                        {
                            AddOnce(parameter, site, member);
                        }
                    }
                }
            }
            needed = s_forwardingNeeded == UnboundedDepth ? UnboundedDepth : s_forwardingNeeded + 1;

            return needed == UnboundedDepth
                ? _forwarded.GetOrAdd((method, helpers), sinks.ToImmutable())
                : _forwardedAtAnyDepth.GetOrAdd(method, (sinks.ToImmutable(), needed)).Sinks;
        }
        finally
        {
            underWay.Remove(method);
            s_forwardingNeeded = callerNeeded;
            ReportForwardingDepth(needed);
        }
    }
}
