using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Recognises the doors by which values enter telemetry through the plain .NET and OpenTelemetry
/// APIs. Members with a fixed shape are data in <see cref="SinkTable"/>; this class applies them
/// and recognises the shapes that vary (instruments, tag collections, loggers and templates). Each invocation, object creation and assignment is looked at once, where it happens:
/// <c>TagList.Add</c> and <c>ActivityTagsCollection.Add</c> are sinks wherever they are called,
/// while general-purpose containers (<c>KeyValuePair</c>, dictionaries, arrays, lists) count only
/// inside an argument that a sink takes as its tags.
/// </summary>
internal static partial class TelemetrySinks
{
    public static void Collect(IOperation operation, KnownSymbols known, List<TelemetrySite> sites, List<TelemetryName> names)
    {
        var before = sites.Count;
        CollectSites(operation, known, sites, names);
        var collected = sites.Count;
        for (var i = before; i < collected; i++)
        {
            // activity.SetTag(message.StaffNumber, true), BeginScope(new Dictionary<string, object> { [referral.StaffNumber] = reason }):
            // a key read from a member of the application's own types is exported as the attribute's or the
            // scope entry's name. (Keys built from text are judged by the rule itself; a pair's Key or a
            // deconstructed entry is the dictionary's own key, judged where the dictionary is.)
            if (sites[i] is { Key: { } key } site && key.Type?.SpecialType == SpecialType.System_String && !key.IsImplicit
                && OperationTree.Unwrap(key) is IMemberReferenceOperation { ConstantValue.HasValue: false, Member.DeclaringSyntaxReferences.IsEmpty: false })
            {
                sites.Add(new TelemetrySite(site.Kind, null, key) { ReportAt = site.ReportAt, NamesTheEntry = true });
            }
        }
    }

    private static void CollectSites(IOperation operation, KnownSymbols known, List<TelemetrySite> sites, List<TelemetryName> names)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                CollectInvocation(invocation, known, sites, names);
                break;
            case IObjectCreationOperation creation:
                CollectCreation(creation, known, sites, names);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                CollectAssignment(assignment, property, known, sites);
                break;
            case IThrowOperation { Exception: { } thrown } when !IsCaughtWhereThrown(thrown):
                // Nothing in the method catches it: it goes up to a caller and, in the end, to the
                // host or framework, which logs it (message included) and records it on the span.
                sites.Add(new TelemetrySite(SinkKind.ThrownException, null, thrown));
                break;
        }
    }

    /// <summary>
    /// Whether a <c>try</c> of the method that encloses the throw has a catch that can take it (a
    /// catch with a filter counts: what the filter lets through is not known here).
    /// </summary>
    private static bool IsCaughtWhereThrown(IOperation thrown) =>
        IsCaughtWhereRaised(thrown, OperationTree.Unwrap(thrown).Type, out _);

    /// <summary>
    /// Whether an exception raised at <paramref name="raised"/> (a throw, or a call of a method that
    /// throws) is caught in the same method. A lambda handed to anything but a LINQ operator or a
    /// list's <c>ForEach</c> runs later, elsewhere: the method's own <c>try</c> blocks do not see
    /// what it throws, so the walk stops there (<paramref name="deferred"/>).
    /// </summary>
    public static bool IsCaughtWhereRaised(IOperation raised, ITypeSymbol? type, out bool deferred)
    {
        deferred = false;
        IOperation child = raised;
        for (var parent = raised.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is ITryOperation statement && statement.Body == child)
            {
                foreach (var clause in statement.Catches)
                {
                    if (type is null || ExceptionTypes.CanBeCaughtAs(type, clause.ExceptionType))
                    {
                        return true;
                    }
                }
            }
            else if (parent is ILocalFunctionOperation)
            {
                // Caught or not where the local function is called.
                return false;
            }
            else if (parent is IAnonymousFunctionOperation && !RunsInPlace(parent))
            {
                deferred = true;
                return false;
            }
        }
        return false;
    }

    /// <summary>A lambda handed to a LINQ operator or <c>List&lt;T&gt;.ForEach</c>: it runs inside the call (or the enumeration) of its method.</summary>
    private static bool RunsInPlace(IOperation function)
    {
        var argument = function.Parent is IDelegateCreationOperation creation ? creation.Parent : function.Parent;
        return argument is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: var method } }
            && (method.ContainingNamespace?.ToDisplayString() == "System.Linq" || method.Name == "ForEach");
    }

    private static void CollectInvocation(IInvocationOperation invocation, KnownSymbols known, List<TelemetrySite> sites, List<TelemetryName> names)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var arguments = invocation.Arguments;
        if (type is null)
        {
            return;
        }

        if (KnownSymbols.Is(type, known.TelemetrySpan) && method.Name == "SetStatus" && OperationTree.Argument(arguments, "value") is { } status)
        {
            // span.SetStatus(Status.Error.WithDescription(text)): the description is exported.
            if (OperationTree.Unwrap(status) is IInvocationOperation { TargetMethod.Name: "WithDescription", Arguments.Length: 1 } described)
            {
                AddValue(SinkKind.SpanStatus, described.Arguments[0].Value, sites);
            }
            return;
        }
        if (known.SinkEntries.TryGetValue((type.OriginalDefinition, method.Name), out var entries))
        {
            Apply(entries, arguments, known, sites, names);
            return;
        }
        if (KnownSymbols.Is(type, known.Meter))
        {
            if (method.Name.StartsWith("Create", StringComparison.Ordinal) && OperationTree.Argument(arguments, "name") is { } instrumentName)
            {
                names.Add(new TelemetryName(TelemetryNameKind.Instrument, instrumentName));
                ScanTags(OperationTree.Argument(arguments, "tags"), SinkKind.MetricAttribute, known, sites);
            }
            return;
        }
        if (known.IsInstrument(type))
        {
            if (method.Name is "Add" or "Record")
            {
                foreach (var argument in arguments)
                {
                    // The first parameter is the measurement; every other one carries tags.
                    if (argument.Parameter is { Ordinal: > 0 } && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        ScanTags(argument.Value, SinkKind.MetricAttribute, known, sites);
                    }
                }
            }
            return;
        }
        if (known.IsTagCollection(type))
        {
            var kind = KnownSymbols.Is(type, known.TagList) ? SinkKind.MetricAttribute : SinkKind.EventAttribute;
            if (method.Name == "Add" && arguments.Length == 2 && arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                sites.Add(new TelemetrySite(kind, ArgumentAt(arguments, 0), ArgumentAt(arguments, 1)!) { ReportAt = WhereCollectedTagsAreSent(invocation, invocation.Instance, known) });
            }
            else if (method.Name == "Add" && arguments.Length == 1)
            {
                ScanTags(arguments[0].Value, kind, known, sites);
            }
            return;
        }
        if (KnownSymbols.Is(type, known.LoggerExtensions))
        {
            if (method.Name.StartsWith("Log", StringComparison.Ordinal) || method.Name == "BeginScope")
            {
                CollectLoggerCall(arguments, known, sites);
            }
            return;
        }
        if (known.HasSerilog && type.ContainingNamespace is { } serilogNamespace && IsSerilogNamespace(serilogNamespace))
        {
            if (KnownSymbols.Is(type, known.SerilogLogger) || KnownSymbols.Is(type, known.SerilogStaticLog))
            {
                if (method.Name is "Verbose" or "Debug" or "Information" or "Warning" or "Error" or "Fatal" or "Write")
                {
                    CollectSerilogCall(invocation, known, sites);
                }
            }
            else if ((KnownSymbols.Is(type, known.SerilogLogContext) && method.Name == "PushProperty")
                || (KnownSymbols.Is(type, known.SerilogPropertyFactory) && method.Name == "CreateProperty")
                || (KnownSymbols.Is(type, known.SerilogDiagnosticContext) && method.Name == "Set"))
            {
                CollectSerilogProperty(arguments, sites);
            }
            return;
        }
        if (KnownSymbols.Is(type, known.HttpLoggingInterceptorContext))
        {
            if (method.Name == "AddParameter")
            {
                AddKeyed(SinkKind.LogValue, arguments, "key", "value", sites);
            }
            return;
        }
        if ((KnownSymbols.Is(type, known.LogTagCollector) || KnownSymbols.Is(type, known.EnrichmentTagCollector)) && method.Name == "Add")
        {
            // collector.Add("guardian.email", student.GuardianEmail) in a [TagProvider] method or a log
            // enricher: written into the record, unless the overload that takes the value's data
            // classification has the configured redactor rewrite it.
            if (!method.Parameters.Any(p => p.Name == "classifications"))
            {
                AddKeyed(SinkKind.LogValue, arguments, "tagName", "tagValue", sites);
            }
            return;
        }
        if (method.Name == "Fail" && (KnownSymbols.Is(type, known.AuthenticateResult) || KnownSymbols.Is(type, known.AuthenticationResultContext) || KnownSymbols.Is(type, known.RemoteAuthenticationContext)))
        {
            // AuthenticateResult.Fail(message), context.Fail(message): the authentication handler logs
            // the failure's message ("… was not authenticated. Failure message: …").
            if (OperationTree.Argument(arguments, "failureMessage") is { } failureMessage)
            {
                AddValues(SinkKind.LogValue, failureMessage, destructured: false, sites);
            }
            AddExceptionMessage(OperationTree.Argument(arguments, "failure"), known, sites);
            return;
        }
        if (known.HasSentry && IsSentryNamespace(type.ContainingNamespace))
        {
            CollectErrorReportCall(invocation, known, sites);
            return;
        }
        if (known.HasRaygun && IsRaygunNamespace(type.ContainingNamespace))
        {
            CollectRaygunCall(invocation, known, sites);
            return;
        }
        if (KnownSymbols.Is(type, known.LambdaLogger) || KnownSymbols.Is(type, known.StaticLambdaLogger))
        {
            // Log, LogLine, LogInformation(message, args), LogError(exception, message, args): the
            // parameters are named as ILogger's are.
            if (method.Name.StartsWith("Log", StringComparison.Ordinal))
            {
                CollectLoggerCall(arguments, known, sites);
            }
            return;
        }
        if (KnownSymbols.Is(type, known.ILogger))
        {
            if (method.Name == "BeginScope" && arguments.Length == 1)
            {
                CollectScopeState(arguments[0].Value, known, sites);
            }
            return;
        }
        if (known.ILogger is not null)
        {
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                CollectLoggerDelegate(arguments, known, sites);
            }
            else if (known.LoggerMessageAttribute is not null && LoggerMessageAttribute(method, known) is { } attribute)
            {
                CollectLoggerMessageMethod(arguments, DestructuredPlaceholders(attribute), known, sites);
            }
        }
    }

    private static void CollectCreation(IObjectCreationOperation creation, KnownSymbols known, List<TelemetrySite> sites, List<TelemetryName> names)
    {
        var type = creation.Type;
        var arguments = creation.Arguments;
        if (type is INamedTypeSymbol named && known.SinkEntries.TryGetValue((named.OriginalDefinition, ".ctor"), out var entries))
        {
            Apply(entries, arguments, known, sites, names);
        }
        else if (known.HasSentry && type is INamedTypeSymbol { Name: "Breadcrumb" } breadcrumb && IsSentryNamespace(breadcrumb.ContainingNamespace))
        {
            CollectBreadcrumb(arguments, known, sites);
        }
        else if (known.HasRaygun && type is INamedTypeSymbol { Name: "RaygunIdentifierMessage" } user && IsRaygunNamespace(user.ContainingNamespace))
        {
            // new RaygunIdentifierMessage(email): the identifier it is made with is the reported user.
            foreach (var argument in arguments)
            {
                AddValue(SinkKind.ErrorReport, argument.Value, sites);
            }
        }
        else if (KnownSymbols.Is(type, known.Measurement))
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Ordinal: > 0 } && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    ScanTags(argument.Value, SinkKind.MetricAttribute, known, sites);
                }
            }
        }
        else if (known.IsTagCollection(type))
        {
            var kind = KnownSymbols.Is(type, known.TagList) ? SinkKind.MetricAttribute : SinkKind.EventAttribute;
            foreach (var argument in arguments)
            {
                ScanTags(argument.Value, kind, known, sites);
            }
        }
    }

    private static void CollectAssignment(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation property, KnownSymbols known, List<TelemetrySite> sites)
    {
        var type = property.Property.ContainingType;
        if (property.Property.SetMethod is { } setter && known.SinkEntries.TryGetValue((type.OriginalDefinition, setter.Name), out var entries))
        {
            foreach (var entry in entries)
            {
                sites.Add(new TelemetrySite(entry.Kind, null, assignment.Value));
            }
        }
        else if ((known.HasSentry && IsSentryNamespace(type.ContainingNamespace)) || (known.HasRaygun && IsRaygunNamespace(type.ContainingNamespace)))
        {
            CollectErrorReportProperty(assignment, property, sites);
        }
        else if (property.Property.IsIndexer && known.IsTagCollection(type))
        {
            var kind = KnownSymbols.Is(type, known.TagList) ? SinkKind.MetricAttribute : SinkKind.EventAttribute;
            if (property.Arguments.Length == 1 && property.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
            {
                sites.Add(new TelemetrySite(kind, property.Arguments[0].Value, assignment.Value) { ReportAt = WhereCollectedTagsAreSent(assignment, property.Instance, known) });
            }
            else
            {
                ScanTags(assignment.Value, kind, known, sites);
            }
        }
    }

    /// <summary>
    /// Where a tag collection kept in a local is handed to telemetry in the same method
    /// (<c>var refused = new ActivityTagsCollection { … }; AddEvent(new ActivityEvent(…, tags: refused))</c>):
    /// an entry is reported there, with the entry as the additional location. A collection that is
    /// never handed on in sight is reported where each entry is written, as before.
    /// </summary>
    private static IOperation? WhereCollectedTagsAreSent(IOperation entry, IOperation? collection, KnownSymbols known)
    {
        if (CollectionLocal(collection) is not { } local)
        {
            return null;
        }
        foreach (var use in OperationTree.Descendants(OperationTree.Root(entry)))
        {
            if (use is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && ArgumentHolding(reference) is { Parameter: { } parameter } argument && IsTelemetryTagsParameter(parameter, known))
            {
                return argument.Value;
            }
        }
        return null;
    }

    /// <summary>The local a tag collection is written through: the receiver of <c>tags.Add(…)</c>, or the local an initializer's collection is created for.</summary>
    private static ILocalSymbol? CollectionLocal(IOperation? collection)
    {
        switch (collection is null ? null : OperationTree.Unwrap(collection))
        {
            case ILocalReferenceOperation local:
                return local.Local;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                for (var parent = receiver.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IObjectCreationOperation creation)
                    {
                        var target = creation.Parent;
                        while (target is IConversionOperation)
                        {
                            target = target.Parent;
                        }
                        return target switch
                        {
                            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                            ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned } => assigned.Local,
                            _ => null,
                        };
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static IArgumentOperation? ArgumentHolding(IOperation value)
    {
        var parent = value.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }
        return parent as IArgumentOperation;
    }

    /// <summary>A parameter of the telemetry APIs that takes tags: an event's, a link's or a span's tag collection, an instrument's <c>TagList</c>.</summary>
    private static bool IsTelemetryTagsParameter(IParameterSymbol parameter, KnownSymbols known)
    {
        var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : parameter.Type;
        var owner = parameter.ContainingSymbol?.ContainingType?.ContainingNamespace?.ToDisplayString();
        return (known.IsTagCollection(type) || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                    && i.TypeArguments[0] is INamedTypeSymbol { Name: "KeyValuePair" }))
            && owner is not null && (owner.StartsWith("System.Diagnostics", StringComparison.Ordinal) || owner.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    /// <summary>
    /// The allow list of a filter of a dictionary's pairs by key (<c>properties.Where(p => TelemetrySafe.Contains(p.Key))</c>,
    /// <c>allowed.Contains(p.Key)</c> over an array): the collection the keys are looked up in. Null for any other call.
    /// </summary>
    public static IOperation? AllowListedKeys(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: "Where", ContainingType.Name: "Enumerable" } || invocation.Arguments.Length != 2
            || invocation.TargetMethod.ReturnType is not INamedTypeSymbol { TypeArguments: [INamedTypeSymbol { Name: "KeyValuePair" }] }
            || OperationTree.Unwrap(invocation.Arguments[1].Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation predicate }
            || predicate.Symbol.Parameters.Length != 1
            || predicate.Body.Operations.LastOrDefault() is not IReturnOperation { ReturnedValue: { } returned }
            || OperationTree.Unwrap(returned) is not IInvocationOperation { TargetMethod.Name: "Contains" } contains)
        {
            return null;
        }
        var arguments = contains.Instance is null ? contains.Arguments.Select(a => a.Value).ToList() : [contains.Instance, .. contains.Arguments.Select(a => a.Value)];
        return arguments.Count == 2
            && OperationTree.Unwrap(arguments[1]) is IPropertyReferenceOperation { Property.Name: "Key", Instance: { } pair }
            && OperationTree.Unwrap(pair) is IParameterReferenceOperation { Parameter: var parameter }
            && SymbolEqualityComparer.Default.Equals(parameter, predicate.Symbol.Parameters[0])
                ? arguments[0]
                : null;
    }

    /// <summary>
    /// The tags inside an argument a sink takes as tags: key/value pairs built in place, collection
    /// initializers, indexer initializers, and a local built up in the same method. Lambdas are not
    /// entered (their values go elsewhere), nor are <c>TagList</c>/<c>ActivityTagsCollection</c>
    /// builders, which are sinks of their own and reported where they are.
    /// </summary>
    public static void ScanTags(IOperation? container, SinkKind kind, KnownSymbols known, List<TelemetrySite> sites)
    {
        if (container is null)
        {
            return;
        }
        var visitedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        // Each operation with the local it was reached through, if any: a tag list built in a local is
        // reported where the local reaches telemetry, not where an entry was written.
        var stack = new Stack<(IOperation Operation, IOperation? Through)>();
        stack.Push((container, null));
        while (stack.Count > 0)
        {
            var (current, through) = stack.Pop();
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    continue;
                case IObjectCreationOperation creation when known.IsTagCollection(creation.Type):
                    continue;
                case IInvocationOperation call when known.IsTagCollection(call.TargetMethod.ContainingType):
                    continue;
                case IInvocationOperation helper when !helper.TargetMethod.DeclaringSyntaxReferences.IsEmpty && IsTagContainer(helper.Type, known):
                    // A project helper that builds and returns the tags: judged by what it puts in them.
                    sites.Add(new TelemetrySite(kind, null, helper) { ReturnedByHelper = true, ReportAt = through });
                    continue;
                case IObjectCreationOperation creation when IsStringKeyPair(creation.Type, known) && creation.Arguments.Length == 2:
                    sites.Add(new TelemetrySite(kind, ArgumentAt(creation.Arguments, 0), ArgumentAt(creation.Arguments, 1)!) { ReportAt = through });
                    continue;
                case IInvocationOperation call when IsKeyedAdd(call, known):
                    sites.Add(new TelemetrySite(kind, ArgumentAt(call.Arguments, 0), ArgumentAt(call.Arguments, 1)!) { ReportAt = through });
                    continue;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                    when indexer.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String && !known.IsTagCollection(indexer.Property.ContainingType):
                    sites.Add(new TelemetrySite(kind, indexer.Arguments[0].Value, assignment.Value) { ReportAt = through });
                    continue;
                case IInvocationOperation filter when AllowListedKeys(filter) is not null:
                    // properties.Where(p => TelemetrySafe.Contains(p.Key)): judged as a whole, by the keys it lets through.
                    sites.Add(new TelemetrySite(kind, null, filter) { ReportAt = through });
                    continue;
                case IParameterReferenceOperation handed when IsTagContainer(handed.Type, known):
                    // A facade's params pairs or TagList handed straight on (counter.Add(value, tags)): its
                    // callers' tags are sent, so the value flow judges them at each call.
                    sites.Add(new TelemetrySite(kind, null, handed) { ReportAt = through });
                    continue;
                case ILocalReferenceOperation reference when reference.Type?.SpecialType != SpecialType.System_String && visitedLocals.Add(reference.Local):
                    // A tag list built in a local before the call: its initializer and the additions
                    // made to it in the same method.
                    var root = OperationTree.Root(reference);
                    foreach (var write in OperationTree.WritesOf(reference.Local, root))
                    {
                        stack.Push((write, through ?? reference));
                    }
                    foreach (var use in OperationTree.Descendants(root))
                    {
                        if (use is IInvocationOperation { Instance: ILocalReferenceOperation receiver, TargetMethod.Name: "Add" or "AddRange" or "Insert" or "TryAdd" } addition
                            && SymbolEqualityComparer.Default.Equals(receiver.Local, reference.Local))
                        {
                            stack.Push((addition, through ?? reference));
                        }
                        else if (use is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation indexed } } indexerWrite
                            && SymbolEqualityComparer.Default.Equals(indexed.Local, reference.Local))
                        {
                            stack.Push((indexerWrite, through ?? reference));
                        }
                    }
                    continue;
            }
            foreach (var child in current.ChildOperations)
            {
                stack.Push((child, through));
            }
        }
    }

    /// <summary>Applies the table's entries for one call or construction: each part goes where its entry says.</summary>
    private static void Apply(List<SinkEntry> entries, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, KnownSymbols known, List<TelemetrySite> sites, List<TelemetryName> names)
    {
        foreach (var entry in entries)
        {
            if (entry.Key is { } key)
            {
                AddKeyed(entry.Kind, arguments, key, entry.Value!, sites);
            }
            else if (entry.Value is { } valueParameter && OperationTree.Argument(arguments, valueParameter) is { } value)
            {
                if (entry.NameKind is { } nameKind)
                {
                    // A span or event name written at the call (the CallerMemberName default is not).
                    if (!value.IsImplicit)
                    {
                        names.Add(new TelemetryName(nameKind, value));
                        sites.Add(new TelemetrySite(entry.Kind, null, value));
                    }
                }
                else
                {
                    AddValues(entry.Kind, value, entry.Destructured, sites);
                }
            }
            if (entry.Exception is { } exception)
            {
                AddExceptionMessage(OperationTree.Argument(arguments, exception), known, sites);
            }
            if (entry.Tags is { } tags)
            {
                ScanTags(OperationTree.Argument(arguments, tags), entry.TagsKind, known, sites);
            }
        }
    }

    internal static bool IsTagContainer(ITypeSymbol? type, KnownSymbols known) =>
        type is not null && (known.IsTagCollection(type) || IsStringKeyPair(type, known)
            || (type is IArrayTypeSymbol array && IsStringKeyPair(array.ElementType, known))
            || System.Linq.Enumerable.Any(type.AllInterfaces, i => i.IsGenericType && i.TypeArguments.Length == 1 && IsStringKeyPair(i.TypeArguments[0], known)));

    private static bool IsStringKeyPair(ITypeSymbol? type, KnownSymbols known) =>
        KnownSymbols.Is(type, known.KeyValuePair)
        && type is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_String }, _] };

    /// <summary><c>Add(string key, value)</c> on a general container, or <c>KeyValuePair.Create(key, value)</c>.</summary>
    private static bool IsKeyedAdd(IInvocationOperation call, KnownSymbols known)
    {
        var method = call.TargetMethod;
        if (call.Arguments.Length != 2 || method.Parameters.Length != 2 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }
        if (method.Name == "Create" && KnownSymbols.Is(method.ContainingType, known.KeyValuePairStatic))
        {
            return true;
        }
        return method.Name == "Add" && !method.IsStatic && !known.IsTagCollection(method.ContainingType);
    }

    private static void AddKeyed(SinkKind kind, IEnumerable<IArgumentOperation> arguments, string keyName, string valueName, List<TelemetrySite> sites)
    {
        if (OperationTree.Argument(arguments, keyName) is { } key && OperationTree.Argument(arguments, valueName) is { } value)
        {
            sites.Add(new TelemetrySite(kind, key, value));
        }
    }

    /// <summary>A value, or each element of the array a <c>params</c> parameter collects (<c>WriteEvent(1, serial, reason)</c>).</summary>
    private static void AddValues(SinkKind kind, IOperation value, bool destructured, List<TelemetrySite> sites)
    {
        if (value is IArrayCreationOperation { IsImplicit: true, Initializer: { } collected })
        {
            foreach (var element in collected.ElementValues)
            {
                sites.Add(new TelemetrySite(kind, null, element) { Destructured = destructured });
            }
            return;
        }
        sites.Add(new TelemetrySite(kind, null, value) { Destructured = destructured });
    }

    private static void AddValue(SinkKind kind, IOperation? value, List<TelemetrySite> sites)
    {
        if (value is not null)
        {
            sites.Add(new TelemetrySite(kind, null, value));
        }
    }

    private static IOperation? ArgumentAt(IEnumerable<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }
        return null;
    }

    /// <summary>
    /// An exception recorded on a span or written to a log exports its message: the value flow
    /// judges what the message was built from, where it was thrown.
    /// </summary>
    private static void AddExceptionMessage(IOperation? exception, KnownSymbols known, List<TelemetrySite> sites)
    {
        if (exception is not null && !OperationTree.Unwrap(exception).ConstantValue.HasValue)
        {
            sites.Add(new TelemetrySite(SinkKind.ExceptionMessage, null, exception));
        }
    }

    /// <summary>
    /// <c>logger.LogInformation("Visit of {PatientId}", id)</c>: the message, and each argument under
    /// the placeholder it fills.
    /// </summary>
    private static void CollectLoggerCall(IEnumerable<IArgumentOperation> arguments, KnownSymbols known, List<TelemetrySite> sites)
    {
        AddExceptionMessage(OperationTree.Argument(arguments, "exception"), known, sites);
        var message = OperationTree.Argument(arguments, "message") ?? OperationTree.Argument(arguments, "messageFormat");
        if (message is null)
        {
            return;
        }
        var values = OperationTree.Argument(arguments, "args");
        AddTemplateValues(message, values is null ? Array.Empty<IOperation>() : ParamsElements(values), sites);
    }

    /// <summary>
    /// Serilog's <c>logger.Information(messageTemplate, propertyValue0, …)</c>, <c>Log.Error(exception,
    /// messageTemplate, propertyValues)</c>: the same templates as <c>ILogger</c>'s, <c>{@X}</c> included.
    /// </summary>
    private static void CollectSerilogCall(IInvocationOperation invocation, KnownSymbols known, List<TelemetrySite> sites)
    {
        var arguments = invocation.Arguments;
        AddExceptionMessage(OperationTree.Argument(arguments, "exception"), known, sites);
        if (OperationTree.Argument(arguments, "messageTemplate") is not { } message)
        {
            return;
        }
        var values = new List<IOperation>();
        foreach (var argument in arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }
            if (argument.Parameter?.Name is "propertyValue" or "propertyValue0" or "propertyValue1" or "propertyValue2")
            {
                values.Add(argument.Value);
            }
            else if (argument.Parameter?.Name == "propertyValues")
            {
                values.AddRange(ParamsElements(argument.Value));
            }
        }
        AddTemplateValues(message, values, sites);
    }

    /// <summary>Serilog's own namespaces: <c>Serilog</c> and those under it.</summary>
    private static bool IsSerilogNamespace(INamespaceSymbol ns)
    {
        while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            ns = parent;
        }
        return ns.Name == "Serilog";
    }

    /// <summary>A message template and the values that fill its placeholders, in order.</summary>
    private static void AddTemplateValues(IOperation message, IEnumerable<IOperation> elements, List<TelemetrySite> sites)
    {
        var template = OperationTree.Unwrap(message).ConstantValue is { HasValue: true, Value: string text } ? text : null;
        if (template is null)
        {
            sites.Add(new TelemetrySite(SinkKind.LogMessage, null, message));
        }
        var placeholders = template is null ? new List<string>() : LogTemplate.Placeholders(template);
        var destructured = template is null ? new List<bool>() : LogTemplate.Destructured(template);
        var formats = template is null ? new List<string?>() : LogTemplate.Formats(template);
        var index = 0;
        foreach (var element in elements)
        {
            sites.Add(new TelemetrySite(SinkKind.LogValue, null, element, index < placeholders.Count ? placeholders[index] : null)
            {
                Destructured = index < destructured.Count && destructured[index],
                Format = index < formats.Count ? formats[index] : null,
            });
            index++;
        }
    }

    /// <summary>The values a <c>params</c> argument holds.</summary>
    private static IEnumerable<IOperation> ParamsElements(IOperation values) => OperationTree.Unwrap(values) switch
    {
        // Request.Headers["X-Patient-Id"] alone binds as the whole array (StringValues converts to
        // string[]): its values fill the placeholders, the first one first.
        var converted when converted.Type is not IArrayTypeSymbol && converted.Type?.Name == "StringValues" => new[] { converted },
        // A team's Log(string template, params object[] values) handing its values on: judged at its callers.
        IParameterReferenceOperation { Parameter.IsParams: true } forwarded => new[] { (IOperation)forwarded },
        IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
        // string[] recipients (or _booking.Keys.ToArray()) handed where object[] is expected binds as the
        // params array itself: its elements fill the placeholders, so the array is judged as one value.
        var array when array.Type is IArrayTypeSymbol && array is not IArrayCreationOperation => new[] { array },
        // A params span (newer Logging.Abstractions) has no interface in this Roslyn version: its children are the values.
        IArrayCreationOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IInvocationOperation => Array.Empty<IOperation>(),
        var other => other.ChildOperations,
    };

    /// <summary>
    /// Serilog's ambient properties: <c>LogContext.PushProperty(name, value, destructureObjects)</c> adds
    /// one to every event in its scope, an enricher's <c>CreateProperty(name, value, …)</c> to the event,
    /// and request logging's <c>IDiagnosticContext.Set(propertyName, value, …)</c> to the request's event.
    /// </summary>
    private static void CollectSerilogProperty(IEnumerable<IArgumentOperation> arguments, List<TelemetrySite> sites)
    {
        if (OperationTree.Argument(arguments, "value") is not { } value)
        {
            return;
        }
        var name = OperationTree.Argument(arguments, "name") ?? OperationTree.Argument(arguments, "propertyName");
        var destructure = OperationTree.Argument(arguments, "destructureObjects") is { ConstantValue: { HasValue: true, Value: true } };
        var keyName = name is not null && OperationTree.Unwrap(name).ConstantValue is { HasValue: true, Value: string text } ? text : null;
        sites.Add(new TelemetrySite(SinkKind.LogValue, null, value, keyName) { Destructured = destructure });
    }

    /// <summary>
    /// <c>logger.BeginScope(state)</c>: a dictionary or a list of pairs adds each value under its
    /// key to every record in the scope; any other state is written as it prints.
    /// </summary>
    private static void CollectScopeState(IOperation state, KnownSymbols known, List<TelemetrySite> sites)
    {
        var unwrapped = OperationTree.Unwrap(state);
        if (unwrapped.ConstantValue.HasValue)
        {
            return;
        }
        var before = sites.Count;
        ScanTags(state, SinkKind.LogValue, known, sites);
        if (sites.Count == before && !IsPairSequence(unwrapped.Type, known))
        {
            sites.Add(new TelemetrySite(SinkKind.LogValue, null, state) { Destructured = true });
        }
    }

    private static bool IsPairSequence(ITypeSymbol? type, KnownSymbols known) =>
        type is not null && (KnownSymbols.Is(type, known.KeyValuePair) || System.Linq.Enumerable.Any(type.AllInterfaces, i => i.IsGenericType && i.TypeArguments.Length == 1 && KnownSymbols.Is(i.TypeArguments[0], known.KeyValuePair)));

    /// <summary>A <c>LoggerMessage.Define</c> delegate: every argument but the logger and the exception.</summary>
    private static void CollectLoggerDelegate(IEnumerable<IArgumentOperation> arguments, KnownSymbols known, List<TelemetrySite> sites)
    {
        var isLogger = false;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } first)
            {
                isLogger = KnownSymbols.Is(first.Type, known.ILogger);
            }
        }
        if (!isLogger)
        {
            return;
        }
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Ordinal: > 0 } parameter && IsException(parameter.Type, known))
            {
                AddExceptionMessage(argument.Value, known, sites);
            }
            else if (argument.Parameter is { Ordinal: > 0 } value && !IsLoggingPlumbing(value.Type, known))
            {
                sites.Add(new TelemetrySite(SinkKind.LogValue, null, argument.Value));
            }
        }
    }

    /// <summary>A <c>[LoggerMessage]</c> method: each value parameter, under its own name.</summary>
    /// <param name="destructured">The placeholders the message destructures (<c>{@Chart}</c>), by name.</param>
    private static void CollectLoggerMessageMethod(IEnumerable<IArgumentOperation> arguments, HashSet<string> destructured, KnownSymbols known, List<TelemetrySite> sites)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }
            if (IsException(parameter.Type, known))
            {
                AddExceptionMessage(argument.Value, known, sites);
            }
            else if (!IsLoggingPlumbing(parameter.Type, known) && !ValueFlow.HasDataClassification(parameter))
            {
                // A parameter with a data classification is redacted by the logging generator.
                sites.Add(new TelemetrySite(SinkKind.LogValue, null, argument.Value, parameter.Name)
                {
                    Destructured = HasAttribute(parameter, "LogPropertiesAttribute") || destructured.Contains(parameter.Name),
                    RedactsClassifiedMembers = HasAttribute(parameter, "LogPropertiesAttribute"),
                });
            }
        }
    }

    private static bool IsLoggingPlumbing(ITypeSymbol type, KnownSymbols known)
    {
        if (KnownSymbols.Is(type, known.ILogger) || KnownSymbols.Is(type, known.LogLevel) || System.Linq.Enumerable.Contains(type.AllInterfaces, known.ILogger!, SymbolEqualityComparer.Default))
        {
            return true;
        }
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.Is(current, known.Exception))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsException(ITypeSymbol type, KnownSymbols known)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.Is(current, known.Exception))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasAttribute(IParameterSymbol parameter, string name) =>
        System.Linq.Enumerable.Any(parameter.GetAttributes(), a => a.AttributeClass?.Name == name);

    private static AttributeData? LoggerMessageAttribute(IMethodSymbol method, KnownSymbols known)
    {
        foreach (var attribute in (method.PartialDefinitionPart ?? method).GetAttributes())
        {
            if (KnownSymbols.Is(attribute.AttributeClass, known.LoggerMessageAttribute))
            {
                return attribute;
            }
        }
        return null;
    }

    /// <summary>The parameters a <c>[LoggerMessage]</c> template destructures: a structured provider serialises them whole.</summary>
    private static HashSet<string> DestructuredPlaceholders(AttributeData attribute)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in LogTemplateUses.Templates(attribute))
        {
            var placeholders = LogTemplate.Placeholders(template);
            var flags = LogTemplate.Destructured(template);
            for (var i = 0; i < placeholders.Count && i < flags.Count; i++)
            {
                if (flags[i])
                {
                    names.Add(placeholders[i]);
                }
            }
        }
        return names;
    }
}

/// <summary>Placeholders of a message template, in order: <c>"{Id} at {Time:HH:mm}"</c> gives Id, Time.</summary>
internal static class LogTemplate
{
    public static List<string> Placeholders(string template)
    {
        var names = new List<string>();
        foreach (var hole in Holes(template))
        {
            var cut = hole.IndexOfAny(new[] { ',', ':' });
            names.Add((cut >= 0 ? hole.Substring(0, cut) : hole).Trim().TrimStart('@', '$'));
        }
        return names;
    }

    /// <summary>For each placeholder, the format it gives its value (<c>{Time:HH:mm}</c> gives HH:mm), or null.</summary>
    public static List<string?> Formats(string template)
    {
        var formats = new List<string?>();
        foreach (var hole in Holes(template))
        {
            var colon = hole.IndexOf(':');
            formats.Add(colon >= 0 ? hole.Substring(colon + 1) : null);
        }
        return formats;
    }

    /// <summary>For each placeholder, whether it asks for the value to be destructured (<c>{@Order}</c>).</summary>
    public static List<bool> Destructured(string template)
    {
        var flags = new List<bool>();
        foreach (var hole in Holes(template))
        {
            flags.Add(hole.TrimStart().StartsWith("@", StringComparison.Ordinal));
        }
        return flags;
    }

    /// <summary>The text inside each <c>{…}</c> of a template, skipping escaped braces.</summary>
    private static IEnumerable<string> Holes(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }
            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                yield break;
            }
            yield return template.Substring(i + 1, end - i - 1);
            i = end;
        }
    }
}
