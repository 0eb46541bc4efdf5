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

/// <summary>
/// Follows a value back to where it came from. Within a method: assignments to locals (also
/// through <c>out</c>/<c>ref</c> arguments, deconstruction and mutation of builders and
/// collections), string interpolation, concatenation and the string, encoding, LINQ and builder
/// methods of the framework. Across the compilation, through summaries computed once per member:
/// what a method (sync, <c>async</c>, local function, lambda, property getter) returns and from
/// which of its parameters, what the source stores into a field, property or record member, what
/// an exception's message is built from and what a method may throw. Its sources are names that
/// say "personal identifier" (<c>patientId</c>, <c>visit.Patient.Id</c>, <c>GetStudentNumber()</c>),
/// members carrying a data-classification attribute, and objects that print such members (records,
/// anonymous objects, a <c>ToString</c> that does). Its sanitizers are the runtime pseudonymiser,
/// keyed HMACs and the methods configured as sanitizers; an unkeyed hash is recorded as what it is.
/// </summary>
internal sealed partial class ValueFlow
{
    private const int MaxDepth = 16;

    private static readonly SymbolDisplayFormat QualifiedName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    private static readonly HashSet<string> HashAlgorithmTypes = new(StringComparer.Ordinal)
    {
        "SHA1", "SHA256", "SHA384", "SHA512", "SHA3_256", "SHA3_384", "SHA3_512", "MD5", "HashAlgorithm",
        "SHA1Managed", "SHA256Managed", "SHA384Managed", "SHA512Managed", "SHA1CryptoServiceProvider",
        "SHA256CryptoServiceProvider", "MD5CryptoServiceProvider", "XxHash32", "XxHash64", "XxHash3", "XxHash128", "Crc32", "Crc64",
        "NonCryptographicHashAlgorithm",
    };

    private static readonly HashSet<string> UnaryStringMethods = new(StringComparer.Ordinal)
    {
        "ToString", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd",
        "Substring", "Replace", "PadLeft", "PadRight", "Normalize", "Insert", "Remove", "AsSpan", "AsMemory",
    };

    private static readonly HashSet<string> ConvertMethods = new(StringComparer.Ordinal)
    {
        "ToString", "ToHexString", "ToHexStringLower", "ToBase64String", "ToInt32", "ToInt64", "ToUInt64", "ToDecimal",
    };

    /// <summary>Framework methods that look a value up by the identifier: the result is not the identifier.</summary>
    private static readonly HashSet<string> LookupMethods = new(StringComparer.Ordinal)
    {
        "TryGetValue", "GetValueOrDefault", "GetOrAdd", "GetOrCreate", "ContainsKey", "Contains", "Remove", "TryRemove", "Find", "FindAsync",
        "Get", "GetAsync", "GetString", "GetStringAsync", "Count", "LongCount", "Any", "All", "IndexOf", "LastIndexOf", "GetType", "Equals", "CompareTo",
    };

    private static readonly HashSet<string> CollectionMutators = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "Enqueue", "Push", "TryAdd", "Append", "AppendLine", "AppendFormat", "AppendJoin", "AppendFormatted", "AppendLiteral", "AddOrUpdate", "AppendData",
        // An XML element filled after it was made.
        "AddFirst", "SetElementValue", "SetAttributeValue", "ReplaceAll", "ReplaceNodes",
    };

    private readonly KnownSymbols _known;
    private readonly SourceIndex _index;
    private readonly Func<SyntaxTree, TelemetryOptions> _optionsFor;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Element), FlowResult> _returns = new();
    private readonly ConcurrentDictionary<ISymbol, FlowResult> _stores = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _onlyPseudonyms = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(IMethodSymbol Method, CaughtTypes Caught, int Calls), FlowResult> _throws = new();
    private readonly ConcurrentDictionary<IMethodSymbol, FlowResult> _constructorMessages = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, IdentifierFinding?> _printedMembers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, IdentifierFinding?> _serializedMembers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(IMethodSymbol Method, SinkKind Kind), FlowResult> _returnedTags = new();
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Helpers), ImmutableArray<ForwardedSink>> _forwarded = new();
    private readonly ConcurrentDictionary<SiteKey, FlowResult> _sites = new();
    private readonly ConcurrentDictionary<(IOperation Value, TelemetryOptions Options), FlowResult> _values = new();
    private readonly ConcurrentDictionary<IMethodSymbol, (ImmutableArray<ForwardedSink> Sinks, int Needed)> _forwardedAtAnyDepth = new(SymbolEqualityComparer.Default);

    public ValueFlow(KnownSymbols known, SourceIndex index, Func<SyntaxTree, TelemetryOptions> optionsFor)
    {
        _known = known;
        _index = index;
        _optionsFor = optionsFor;
    }

    /// <summary>One evaluation: the options of the code being judged, locals already followed, and the summaries under way.</summary>
    private sealed class Frame
    {
        public Frame(TelemetryOptions options, HashSet<object> active, CancellationToken cancellationToken)
            : this(options, active, cancellationToken, new ObjectSearch())
        {
        }

        private Frame(TelemetryOptions options, HashSet<object> active, CancellationToken cancellationToken, ObjectSearch objects)
        {
            Options = options;
            Active = active;
            CancellationToken = cancellationToken;
            Objects = objects;
        }

        public TelemetryOptions Options { get; }

        public HashSet<ILocalSymbol> Visited { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Summaries being computed on this thread: a recursive call reads as unknown instead of looping.</summary>
        public HashSet<object> Active { get; }

        /// <summary>The types whose members are being searched on this thread, shared by every frame of one evaluation.</summary>
        public ObjectSearch Objects { get; }

        public CancellationToken CancellationToken { get; }

        public Frame For(TelemetryOptions options) => new(options, Active, CancellationToken, Objects);
    }

    /// <summary>
    /// The types whose printed or serialised members are being searched, outermost first. A type met
    /// again inside its own search is cut (read as exposing nothing); <see cref="LowestCut"/> keeps the
    /// outermost position that was cut, so that a type finished while an outer one was still unknown
    /// is not cached: its answer would depend on which of the two was asked about first.
    /// </summary>
    private sealed class ObjectSearch
    {
        /// <summary>The searches under way, as (kind, generic definition) keys, outermost first.</summary>
        public List<object> Stack { get; } = new();

        public int LowestCut { get; set; } = int.MaxValue;
    }

    public FlowResult Evaluate(IOperation value, TelemetryOptions options, CancellationToken cancellationToken)
    {
        // A value is asked about by each privacy rule and again by the summary of the helper it is
        // written in: with a fresh frame the answer is the same every time, so it is found once.
        if (_values.TryGetValue((value, options), out var known))
        {
            return known;
        }
        return _values.GetOrAdd((value, options), Evaluate(value, new Frame(options, new HashSet<object>(), cancellationToken), 0));
    }

    private FlowResult Evaluate(IOperation value, Frame frame, int depth) => Evaluate(value, frame, depth, printed: true);

    /// <param name="printed">Whether an object is judged by what it prints too: not where a serialiser writes it.</param>
    private FlowResult Evaluate(IOperation value, Frame frame, int depth, bool printed)
    {
        frame.CancellationToken.ThrowIfCancellationRequested();
        var operation = OperationTree.Unwrap(value);
        if (operation.ConstantValue.HasValue || operation is IDefaultValueOperation or ITypeOfOperation or INameOfOperation or ISizeOfOperation)
        {
            return FlowResult.Safe;
        }
        if (IsFromComputed(operation) && operation is IInvocationOperation rewrap)
        {
            // Pseudonym.FromComputed(text) vouches for text it did not compute: judge the text.
            var inner = Evaluate(rewrap.Arguments[0].Value, frame, depth + 1);
            return new FlowResult(inner.Identifier, inner.Hash, inner.Proven && inner.Sanitized, inner.Sanitized, inner.Parameters);
        }
        if (_known.IsPseudonym(operation.Type))
        {
            // A Pseudonym local given Pseudonym.FromComputed(text) is only as good as the text.
            return operation is ILocalReferenceOperation declared && IsDeclaredPseudonym(declared)
                ? EvaluateLocal(declared, frame, depth)
                : FlowResult.Pseudonymised;
        }
        if (depth > MaxDepth)
        {
            return FlowResult.Unknown;
        }
        if (IsException(operation.Type))
        {
            return ExceptionMessage(operation, frame, depth);
        }
        var result = EvaluateShape(operation, frame, depth);
        if (result.Identifier is null && result.Hash is null && !result.Sanitized && IdentifierTakenFrom(operation, frame.Options) is { Identifier: not null } taken)
        {
            return FlowResult.Combine(taken, result);
        }
        if (result.Identifier is null && result.Hash is null && !result.Sanitized && ReadAsType(operation, frame) is { } parsed)
        {
            return FlowResult.Combine(parsed, result);
        }
        if (result.Identifier is null && result.Hash is null && !result.Sanitized && !result.Proven && PseudonymisedBeside(operation, frame) is { } beside)
        {
            return FlowResult.Combine(beside, result);
        }
        if (result.Identifier is null && result.Hash is null && !result.Sanitized && !result.Proven && HandedAsIdentifier(operation, frame) is { } handed)
        {
            return FlowResult.Combine(handed, result);
        }
        if (printed && result.Identifier is null && !result.Sanitized && ObjectIdentifier(result.Proven ? operation : PrintedBy(operation), frame, serialized: false, visited: null, depth) is { } member)
        {
            // A record or anonymous object prints its members; so does a ToString written to.
            return FlowResult.Combine(Found(operation, member.Domain, $"{Describe(operation)} (its member {member.Origin})"), result);
        }
        return result;
    }

    private FlowResult EvaluateShape(IOperation operation, Frame frame, int depth)
    {
        switch (operation)
        {
            case IIsPatternOperation or IIsTypeOperation:
                // member.PostalCode is not null: whether there is one, not which.
                return FlowResult.Safe;
            case IInterpolatedStringOperation interpolated:
                {
                    // Parts are holes ({id}) or, under an interpolated string handler, AppendFormatted calls.
                    var parts = FlowResult.Safe;
                    foreach (var part in interpolated.Parts)
                    {
                        parts = part switch
                        {
                            IInterpolatedStringTextOperation => parts,
                            IInterpolationOperation hole => FlowResult.Combine(parts, EvaluateHole(hole, frame, depth)),
                            _ => FlowResult.Combine(parts, Evaluate(part, frame, depth + 1)),
                        };
                    }
                    return parts;
                }
            case IInterpolatedStringAdditionOperation addition:
                return CombineAll(new[] { addition.Left, addition.Right }, frame, depth);
            case IInterpolatedStringHandlerCreationOperation handler:
                return Evaluate(handler.Content, frame, depth + 1);
            case IInterpolatedStringAppendOperation append:
                return append.AppendCall is IInvocationOperation { Arguments.Length: > 0 } call ? EvaluateAppended(call, frame, depth) : FlowResult.Safe;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return CombineAll(new[] { binary.LeftOperand, binary.RightOperand }, frame, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder or BinaryOperatorKind.And } bucket when IsSmallConstant(bucket.RightOperand):
                {
                    // x % 32, x & 0xFF: a few dozen possible values, so not one value per person; but a bucket
                    // of a hash function is still that hash (anyone can recompute it for a known person).
                    // Arithmetic taken for a hand-written hash (id * 31) is only a guess, and a bucket of it is not kept.
                    var hashed = Evaluate(bucket.LeftOperand, frame, depth + 1);
                    return hashed.Hash is null || hashed.Hash.Method == ArithmeticHash
                        ? FlowResult.Safe
                        : new FlowResult(null, hashed.Hash, hashed.Proven, hashed.Sanitized, hashed.Parameters);
                }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } sample
                when SampledHash(sample, frame, depth) is { } sampledHash:
                // (HashCode.Combine(card) & 15) == 0: a one-bit bucket of an unkeyed hash still tells who is in the sample.
                return new FlowResult(null, sampledHash, proven: false);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder or BinaryOperatorKind.Divide or BinaryOperatorKind.And or BinaryOperatorKind.RightShift } arithmetic:
                // A bucket or shard computed from a value says little about whom: keep only whether it was keyed.
                // A keyed hash cut by a count the code does not fix (mac % (uint)shards) is a shard, not a
                // pseudonym; cut by a large constant it is still nearly one value per person.
                var operands = CombineAll(new[] { arithmetic.LeftOperand, arithmetic.RightOperand }, frame, depth);
                var stillPseudonym = operands.Sanitized && OperationTree.Unwrap(arithmetic.RightOperand).ConstantValue.HasValue;
                return new FlowResult(null, operands.Hash, operands.Proven, stillPseudonym, operands.Parameters);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Multiply or BinaryOperatorKind.LeftShift or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } mix
                when IsNumber(mix.Type):
                return Mixed(mix, CombineAll(new[] { mix.LeftOperand, mix.RightOperand }, frame, depth));
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                // pan.Length >= 4 ? pan[^4..] : pan: the whole value only when it is too short to be one.
                if (ShortValueFallback(conditional) is { } shortened)
                {
                    return Evaluate(shortened, frame, depth + 1);
                }
                var branches = CombineAll(new[] { conditional.WhenTrue, whenFalse }, frame, depth);
                if (branches.Identifier is null && branches.Hash is null
                    && OperationTree.Unwrap(conditional.WhenTrue).ConstantValue.HasValue && OperationTree.Unwrap(whenFalse).ConstantValue.HasValue
                    && IsBoolean(conditional.Condition.Type) && Evaluate(conditional.Condition, frame, depth + 1).Hash is { } chosenBy && chosenBy.Method != ArithmeticHash)
                {
                    // hash % 100 < 50 ? "ranker" : "popular": an arm chosen by a bit of an unkeyed hash is that bit.
                    return new FlowResult(null, chosenBy, proven: false);
                }
                return branches;
            case ICoalesceOperation coalesce:
                return CombineAll(new[] { coalesce.Value, coalesce.WhenNull }, frame, depth);
            case ISwitchExpressionOperation switchExpression:
                return CombineAll(switchExpression.Arms.Select(a => a.Value), frame, depth);
            case ITupleOperation tuple:
                return CombineAll(tuple.Elements, frame, depth);
            case IAwaitOperation awaited:
                return Evaluate(awaited.Operation, frame, depth + 1);
            case ITranslatedQueryOperation query:
                // from r in results where … select r.StudentId: the method calls the query is written for.
                return Evaluate(query.Operation, frame, depth + 1);
            case IConditionalAccessOperation conditionalAccess:
                return EvaluateConditionalAccess(conditionalAccess, frame, depth);
            case IConditionalAccessInstanceOperation instance:
                return EvaluateConditionalInstance(instance, frame, depth);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, frame, depth);
            case IObjectCreationOperation { Arguments.Length: 2 } pair when KnownSymbols.Is(pair.Type, _known.KeyValuePair):
                // A pair holds what its value was built from; its key is a name.
                return Rewrapped(Evaluate(PairValue(pair.Arguments), frame, depth + 1), pair);
            case IObjectCreationOperation address when IsUri(address.Type):
                // new Uri($"https://crm.example/applicants/{applicantId}"), new Uri(baseAddress, relative): the text it is made of.
                return Rewrapped(CombineAll(AddressTextArguments(address), frame, depth), address);
            case IObjectCreationOperation creation when IsTextBuilder(creation.Type):
                return CombineAll(creation.Arguments.Select(a => a.Value), frame, depth);
            case IObjectCreationOperation markup when IsXmlNode(markup.Type):
                // new XElement("HospNo", request.HospitalNumber), new XDocument(body): an XML node prints
                // what it is made of; its name (an XName) is code's.
                return Rewrapped(CombineAll(markup.Arguments.Where(a => a.Parameter?.Type.Name != "XName").Select(a => a.Value), frame, depth), markup);
            case IObjectCreationOperation link when IsUriBuilder(link.Type):
                return EvaluateUriBuilderCreation(link, frame, depth);
            case IObjectCreationOperation { Initializer: { } contents } collection when IsCollection(collection.Type):
                // new Dictionary<string, object?> { ["reporter"] = report.AccountNumber }, new List<string> { mrn }: holds what it is filled with.
                return Rewrapped(CombineAll(InitializedEntries(contents).Select(e => e.Value), frame, depth), collection);
            case IObjectCreationOperation { Arguments.Length: 1 } reencoded when reencoded.Type?.Name is "Guid" or "BigInteger" && reencoded.Type.ContainingNamespace?.ToDisplayString() is "System" or "System.Numerics":
                // new Guid(MD5.HashData(bytes)): the same bytes, read as another type.
                return Rewrapped(Evaluate(reencoded.Arguments[0].Value, frame, depth + 1), reencoded);
            case IImplicitIndexerReferenceOperation slice when slice.Instance.Type?.SpecialType == SpecialType.System_String || IsCharSpan(slice.Instance.Type)
                || slice.Instance.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }:
                // hash[..16] is still one value per person, computed without a key; a few characters of an
                // identifier (card[^4..], iban[..2]) are only about it.
                var sliced = Evaluate(slice.Instance, frame, depth + 1);
                if ((sliced.Identifier is not null || !sliced.Parameters.IsEmpty) && (RunsToTheEndOf(slice, frame, depth)
                    || IsPreviewOf(slice.Argument, sliced.Identifier?.Domain == "text" ? TextPreviewLength : PreviewLength)))
                {
                    // buffer[..serial.Length] after serial.TryCopyTo(buffer): all of it.
                    return Rewrapped(sliced.Identifier is not null ? sliced.WithoutParameters() : sliced, slice);
                }
                if (sliced is { Sanitized: true, Identifier: null, Hash: null } && IsBucketOfText(slice.Instance, slice.Argument))
                {
                    // Convert.ToHexString(HMACSHA256.HashData(key, …))[..2]: a shard of a keyed value, at most
                    // MaxBuckets series whoever it came from, as mac[0] % 32 is.
                    return FlowResult.Safe;
                }
                return FewCharactersOf(sliced, slice);
            case IImplicitIndexerReferenceOperation { IndexerSymbol: IPropertySymbol { IsIndexer: true } } fromEnd:
                // guestNames[^1] on a list is one of its elements, as guestNames[i] is.
                if (IsScalar(fromEnd.Type) && ReferencedSymbol(OperationTree.Unwrap(fromEnd.Instance)) is { } named && IsIdentifierSymbol(named, frame.Options, out var namedDomain))
                {
                    return Found(fromEnd, namedDomain);
                }
                return Rewrapped(Evaluate(fromEnd.Instance, frame, depth + 1).WithoutParameters(), fromEnd);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { Type.SpecialType: SpecialType.System_String } text, Arguments.Length: 1 } character:
                // surname[0]: one character of a value is about it (an initial), as a few characters are.
                return FewCharactersOf(Evaluate(text, frame, depth + 1), character);
            case IAnonymousObjectCreationOperation anonymous:
                return EvaluateAnonymous(anonymous, frame, depth);
            case ILocalReferenceOperation local when local.Type?.SpecialType == SpecialType.System_String && IsNarrowedToConstants(local, local.Local):
                return FlowResult.Safe;
            case IParameterReferenceOperation parameter when parameter.Type?.SpecialType == SpecialType.System_String && IsNarrowedToConstants(parameter, parameter.Parameter):
                return FlowResult.Safe;
            case ILocalReferenceOperation local:
                return EvaluateLocal(local, frame, depth);
            case IParameterReferenceOperation parameter:
                return EvaluateParameter(parameter, frame, depth);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed } indexer:
                return EvaluateIndexer(indexer, indexed, frame, depth);
            case IArrayCreationOperation { Initializer: { } initializer }:
                // new[] { patientId } as an array attribute, or a params array of string.Format.
                return CombineAll(initializer.ElementValues, frame, depth);
            case IArrayElementReferenceOperation element:
                return EvaluateElement(element, frame, depth);
            case IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation:
                return EvaluateMember(member, frame, depth);
            case IDelegateCreationOperation or IAnonymousFunctionOperation:
                return FlowResult.Safe;
            case { Kind: var kind } when IsCollectionExpression(kind):
                // [mrn, nhsNumber], [.. failing.Select(r => r.StudentNumber)], a params span's arguments: what its elements and spreads hold.
                return CombineAll(CollectionExpressionElements(operation), frame, depth);
            default:
                return FlowResult.Unknown;
        }
    }

    /// <summary>
    /// The slice branch of <c>x.Length &gt;= 4 ? x[^4..] : x</c> (either way round): the other branch gives
    /// the whole value only when its length shows it is too short to identify anybody.
    /// </summary>
    private static IOperation? ShortValueFallback(IConditionalOperation conditional)
    {
        if (conditional.WhenFalse is null || OperationTree.Unwrap(conditional.Condition) is not IBinaryOperation comparison
            || comparison.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
        {
            return null;
        }
        var lengthOnLeft = OperationTree.Unwrap(comparison.LeftOperand) is IPropertyReferenceOperation { Property.Name: "Length" };
        var measured = (OperationTree.Unwrap(lengthOnLeft ? comparison.LeftOperand : comparison.RightOperand) as IPropertyReferenceOperation) is { Property.Name: "Length", Instance: { } instance }
            ? instance
            : null;
        if (measured is null || ReferencedSymbol(OperationTree.Unwrap(measured)) is not { } value)
        {
            return null;
        }
        // x.Length < 4 (or 4 > x.Length) holds when x is short: then the whole of x must be that branch.
        var trueWhenShort = comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual ? lengthOnLeft : !lengthOnLeft;
        var (whole, slice) = trueWhenShort ? (conditional.WhenTrue, conditional.WhenFalse) : (conditional.WhenFalse, conditional.WhenTrue);
        return OperationTree.Unwrap(slice) is IImplicitIndexerReferenceOperation cut
            && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(cut.Instance)), value)
            && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(whole)), value)
            ? slice
            : null;
    }

    /// <summary>
    /// A collection expression (C# 12) and a spread inside one: the analyzers build against a Roslyn that
    /// predates their operation interfaces, so they are known by kind and read through their children.
    /// </summary>
    internal static bool IsCollectionExpression(OperationKind kind) => kind.ToString() == "CollectionExpression";

    private static IEnumerable<IOperation> CollectionExpressionElements(IOperation collection)
    {
        foreach (var element in collection.ChildOperations)
        {
            if (element.Kind.ToString() == "Spread")
            {
                foreach (var spread in element.ChildOperations)
                {
                    yield return spread;
                }
            }
            else
            {
                yield return element;
            }
        }
    }

    private static bool IsCharSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory", TypeArguments.Length: 1 } span
        && span.TypeArguments[0].SpecialType == SpecialType.System_Char && span.ContainingNamespace?.ToDisplayString() == "System";

    /// <summary>A slice from the start to the length of an identifier (<c>[..serial.Length]</c>, <c>[0..id.Length]</c>): the whole of it.</summary>
    private bool RunsToTheEndOf(IImplicitIndexerReferenceOperation slice, Frame frame, int depth) =>
        OperationTree.Unwrap(slice.Argument) is IRangeOperation range
        && (range.LeftOperand is null || OperationTree.Unwrap(range.LeftOperand).ConstantValue is { HasValue: true, Value: 0 })
        && range.RightOperand is { } end && OperationTree.Unwrap(end) is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } measured }
        && Evaluate(measured, frame, depth + 1).Identifier is not null;

    /// <summary>
    /// <c>[..Math.Min(80, text.Length)]</c>, <c>[..200]</c>: the opening of a text kept as a preview. A few
    /// characters are about a value; a preview of dozens is the value, or all of it that matters.
    /// </summary>
    private static bool IsPreviewOf(IOperation range, int minimum = PreviewLength) =>
        OperationTree.Unwrap(range) is IRangeOperation { RightOperand: { } end } cut
        && (cut.LeftOperand is null || OperationTree.Unwrap(cut.LeftOperand).ConstantValue is { HasValue: true, Value: 0 })
        && IsPreviewLength(end, minimum);

    /// <summary>A length of at least <see cref="PreviewLength"/> characters, written as a constant or as the constant of a <c>Math.Min</c>.</summary>
    private static bool IsPreviewLength(IOperation length, int minimum = PreviewLength) =>
        OperationTree.Unwrap(length) switch
        {
            { ConstantValue: { HasValue: true, Value: int fixedLength } } => fixedLength >= minimum,
            IInvocationOperation { TargetMethod: { Name: "Min", ContainingType.Name: "Math" }, Arguments.Length: 2 } min
                => min.Arguments.Any(a => OperationTree.Unwrap(a.Value).ConstantValue is { HasValue: true, Value: int bound } && bound >= minimum),
            _ => false,
        };

    /// <summary>Shorter cuts (12 or 16 characters of a digest, 4 of a card) are kept as about the value, not as it.</summary>
    private const int PreviewLength = 32;

    /// <summary>
    /// Of what a person wrote, a dozen characters already say something of theirs (a name, "my son's
    /// cancer"): a preview that long is the text.
    /// </summary>
    private const int TextPreviewLength = 12;

    /// <summary>
    /// Arithmetic on an identifier (an FNV or djb2 loop written by hand, <c>id * 31 + c</c>) still gives
    /// one value per person, computed without a key: an unkeyed hash of it, which TC1002 reports.
    /// </summary>
    private static FlowResult Mixed(IBinaryOperation mix, FlowResult operands)
    {
        if (operands.Identifier is { } identifier)
        {
            return new FlowResult(null, operands.Hash ?? new HashFinding(ArithmeticHash, mix, identifier.WrapTarget, identifier), proven: false, operands.Sanitized, operands.Parameters);
        }
        // id * 31 + 7, id.GetHashCode() * 31: the hash is the whole expression, which a fix replaces, not its first step.
        if (operands.Hash is { } hash
            && (OperationTree.Unwrap(mix.LeftOperand) == OperationTree.Unwrap(hash.ReplaceTarget) || OperationTree.Unwrap(mix.RightOperand) == OperationTree.Unwrap(hash.ReplaceTarget)))
        {
            return new FlowResult(null, hash.WithReplaceTarget(mix), operands.Proven, operands.Sanitized, operands.Parameters);
        }
        return operands;
    }

    private const string ArithmeticHash = "arithmetic hash";

    private static bool IsNumber(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;

    private static IOperation PairValue(ImmutableArray<IArgumentOperation> arguments) =>
        arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value ?? arguments[1].Value;

    private FlowResult CombineAll(IEnumerable<IOperation> parts, Frame frame, int depth)
    {
        var result = FlowResult.Safe;
        foreach (var part in parts)
        {
            result = FlowResult.Combine(result, Evaluate(part, frame, depth + 1));
        }
        return result;
    }

    private static FlowResult Found(IOperation operation, string domain, string? origin = null) =>
        new(new IdentifierFinding(origin ?? Describe(operation), domain, operation), null, proven: false);

    private static FlowResult Rewrapped(FlowResult result, IOperation target) =>
        result.Identifier is { } identifier
            ? new FlowResult(identifier.WithWrapTarget(target), result.Hash, result.Proven, result.Sanitized, result.Parameters)
            : result;

    private FlowResult EvaluateParameter(IParameterReferenceOperation reference, Frame frame, int depth)
    {
        var parameter = reference.Parameter;
        if (CarriesIdentifier(parameter.Type) && !IsCallerInfo(parameter) && IsIdentifierSymbol(parameter, frame.Options, out var domain))
        {
            // Reported here, and the method still forwards what it is given: a caller that hands it
            // a raw identifier is told too, one that hands it a pseudonym's value is not.
            return new FlowResult(new IdentifierFinding(Describe(reference), domain, reference), null, proven: false, parameters: ImmutableArray.Create(parameter));
        }
        if (ProxiedArguments(reference, frame, depth) is { } proxied)
        {
            return proxied;
        }
        if (IsTypedText(parameter))
        {
            return new FlowResult(new IdentifierFinding($"{Describe(reference)} (the text a caller typed)", "text", reference), null, proven: false, parameters: ImmutableArray.Create(parameter));
        }
        if (parameter.ContainingSymbol is IMethodSymbol constructor && SourceIndex.IsPrimaryConstructor(constructor) && !constructor.ContainingType.IsRecord
            && !reference.Syntax.Ancestors().Any(a => a is PrimaryConstructorBaseTypeSyntax))
        {
            // Captured by the class's members: it holds what the creations of the class pass.
            return Rewrapped(Stores(parameter, frame, depth), reference);
        }
        return FlowResult.Parameter(parameter);
    }

    /// <summary>
    /// A web endpoint's text parameter named for a search (<c>Suggest(string prefix)</c>,
    /// <c>Search([FromQuery] string term)</c>, <c>MapGet("/find", (string query) => …)</c>), what a person
    /// typed into a search or autocomplete box, names included; and a SignalR hub method's chat text
    /// (<c>SendChat(string lessonId, string body)</c>). Its length and its shape are about it.
    /// </summary>
    private static bool IsTypedText(IParameterSymbol parameter)
    {
        if (parameter.Type.SpecialType != SpecialType.System_String
            || NameWords.Split(parameter.Name) is not { Count: > 0 } words
            || words.Any(w => w is "sql" or "db" or "graph" or "odata" or "filter" or "route" or "path" or "cache" or "key"))
        {
            return false;
        }
        if (words[words.Count - 1] is "body" or "text" or "message" or "content" && words.Count <= 2
            && parameter.ContainingSymbol is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, MethodKind: MethodKind.Ordinary } hubMethod
            && IsOrDerivesFrom(hubMethod.ContainingType, t => t.Name == "Hub"))
        {
            // SendChat(string lessonId, string body) of a SignalR hub: what a person typed and a client sent.
            return true;
        }
        if (words[words.Count - 1] is not ("prefix" or "term" or "terms" or "query" or "keywords" or "keyword" or "search" or "phrase"))
        {
            return false;
        }
        if (parameter.GetAttributes().Any(a => a.AttributeClass?.Name is "FromQueryAttribute" or "FromFormAttribute"))
        {
            return true;
        }
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }
        // A lambda handed to MapGet is an endpoint; so is a public method of a controller or one marked Http*.
        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            return method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax().Parent?.Parent?.Parent is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapGet" or "MapPost" or "MapMethods" }
            };
        }
        return method.DeclaredAccessibility == Accessibility.Public
            && (method.GetAttributes().Any(a => a.AttributeClass?.Name is "HttpGetAttribute" or "HttpPostAttribute" or "RouteAttribute")
                || IsOrDerivesFrom(method.ContainingType, t => t.Name is "ControllerBase" or "Controller"));
    }

    private FlowResult EvaluateConditionalAccess(IConditionalAccessOperation access, Frame frame, int depth)
    {
        // patient?.Mrn: judged as patient.Mrn; the instance placeholder refers back to the receiver.
        return Evaluate(access.WhenNotNull, frame, depth + 1);
    }

    private FlowResult EvaluateConditionalInstance(IConditionalAccessInstanceOperation instance, Frame frame, int depth) =>
        ConditionalReceiver(instance) is var receiver && receiver != instance ? Evaluate(receiver, frame, depth + 1) : FlowResult.Unknown;

    private FlowResult EvaluateIndexer(IPropertyReferenceOperation indexer, IOperation indexed, Frame frame, int depth)
    {
        if (IsFormattingLocalizer(indexer.Property))
        {
            // localizer["Greeting", name]: the resource text with the arguments put in; the key names the text.
            return Rewrapped(CombineAll(indexer.Arguments.Skip(1).Select(a => a.Value), frame, depth), indexer);
        }
        var collection = OperationTree.Unwrap(indexed);
        if (indexer.Arguments.Length == 1 && collection is ILocalReferenceOperation bag && EntriesPutInMethod(bag, indexer.Arguments[0].Value, frame, depth) is { } put)
        {
            // row["customer"] after new Dictionary<…> { ["customer"] = pseudonymizer.Compute(…) }: what the method put under the key.
            return Rewrapped(put, indexer);
        }
        // patientIds[i] on a list is a patient id, as on an array; cache[patientId] is what was stored, not the key.
        if (ReadByIdentifierKey(indexer, frame.Options, out var keyDomain))
        {
            return Found(indexer, keyDomain);
        }
        if (indexer.Arguments.Length == 1 && ColumnByPosition(indexer, collection, indexer.Arguments[0].Value, frame) is { } column)
        {
            return column;
        }
        if (collection is IPropertyReferenceOperation { Property: var data } && IsExceptionData(data) && indexer.Arguments.Length == 1)
        {
            // ex.Data["card"]: what the source puts in any exception's Data under that key (every key,
            // when the key read is not a constant).
            return Rewrapped(ExceptionData(OperationTree.Unwrap(indexer.Arguments[0].Value).ConstantValue, frame, depth), indexer);
        }
        if (indexer.Arguments.Length == 1 && KeptUnderKey(collection, indexer.Arguments[0].Value, frame, depth) is { } kept)
        {
            // context.Items[PatientKeys.Ref]: what the source stores under that key.
            return Rewrapped(kept, indexer);
        }
        if (IsDictionary(collection.Type)
            || (indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string }
                && collection is IMemberReferenceOperation bagMember && IsInputBag(bagMember, frame)))
        {
            // Request.Query["transport"] of a query collection that is no dictionary: one entry, judged by its key.
            return FlowResult.Unknown;
        }
        if (IsScalar(indexer.Type) && ReferencedSymbol(collection) is { } list && IsIdentifierSymbol(list, frame.Options, out var listDomain))
        {
            return Found(indexer, listDomain);
        }
        return Rewrapped(Evaluate(collection, frame, depth + 1).WithoutParameters(), indexer);
    }

    /// <summary>
    /// The localizers of Microsoft.Extensions.Localization and ASP.NET Core's view localization
    /// (<c>IStringLocalizer</c>, <c>IHtmlLocalizer</c>, <c>IViewLocalizer</c> and their generic forms): an
    /// indexer that formats the resource named by its first argument with the rest.
    /// </summary>
    private static bool IsFormattingLocalizer(IPropertySymbol indexer) =>
        indexer.IsIndexer && indexer.Parameters.Length >= 1 && indexer.Parameters[0].Type.SpecialType == SpecialType.System_String
        && IsLocalizerType(indexer.ContainingType);

    private static bool IsLocalizerType(INamedTypeSymbol? type) =>
        type is { Name: "IStringLocalizer" or "IHtmlLocalizer" or "IViewLocalizer" or "StringLocalizer" or "HtmlLocalizer" or "ViewLocalizer" or "ResourceManagerStringLocalizer" }
        || (type?.AllInterfaces.Any(i => i.Name is "IStringLocalizer" or "IHtmlLocalizer") ?? false);

    /// <summary>
    /// A localized string's text (<c>LocalizedString.Value</c>, <c>LocalizedHtmlString.Value</c>): what
    /// the localizer put in it. Its <c>Name</c> is the resource key, code's.
    /// </summary>
    private static bool IsLocalizedText(ISymbol member) =>
        member is IPropertySymbol { Name: "Value", IsStatic: false, ContainingType.Name: "LocalizedString" or "LocalizedHtmlString" };

    private static bool IsExceptionData(ISymbol symbol) =>
        symbol is IPropertySymbol { Name: "Data", IsIndexer: false, ContainingType: { Name: "Exception", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>
    /// The values the source puts in exceptions' <c>Data</c> (<c>ex.Data["email"] = …</c>,
    /// <c>ex.Data.Add("card", …)</c>), under <paramref name="key"/> when it is a constant. An exception
    /// gathers its data on its way up, in other methods than the one that reads it, so every write in
    /// the compilation counts.
    /// </summary>
    private FlowResult ExceptionData(Optional<object?> key, Frame frame, int depth)
    {
        var data = _known.Exception?.GetMembers("Data").FirstOrDefault();
        if (data is null || depth > MaxDepth)
        {
            return FlowResult.Unknown;
        }
        var result = FlowResult.Safe;
        foreach (var write in _index.WritesOf(data, frame.CancellationToken))
        {
            Optional<object?> written;
            switch (write.Parent)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } entry } assignment when assignment.Value == write:
                    written = OperationTree.Unwrap(entry.Arguments[0].Value).ConstantValue;
                    break;
                case IArgumentOperation { Parameter.Ordinal: 1, Parent: IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add }:
                    written = OperationTree.Unwrap(add.Arguments[0].Value).ConstantValue;
                    break;
                default:
                    continue;
            }
            if (key.HasValue && written.HasValue && !Equals(key.Value, written.Value))
            {
                continue;
            }
            result = FlowResult.Combine(result, Evaluate(write, frame.For(_optionsFor(write.Syntax.SyntaxTree)), depth + 1).WithoutParameters());
        }
        return result;
    }

    private FlowResult EvaluateElement(IArrayElementReferenceOperation element, Frame frame, int depth)
    {
        if (IsScalar(element.Type) && ReferencedSymbol(element.ArrayReference) is { } array && IsIdentifierSymbol(array, frame.Options, out var arrayDomain))
        {
            return Found(element, arrayDomain);
        }
        if (IsEmailDomainPart(element))
        {
            return FlowResult.Unknown;
        }
        var result = Evaluate(element.ArrayReference, frame, depth + 1);
        if (result.Identifier is not null && IsOtherSegmentOfTakenText(element, frame.Options))
        {
            return FlowResult.Unknown;
        }
        if (result.Identifier is null && !result.Parameters.IsEmpty && IsFirstWordOf(element) && NamesPostcode(element))
        {
            // postcodes.Select(p => p.Split(' ')[0]): the selector hands back the district, not its element.
            return FlowResult.Unknown;
        }
        if (result.Identifier is { } split && IsFirstWordOf(element) && (split.Domain is "postcode" or "postcodes" or "zipcode" or "zipcodes" or "postal" or "zip" or "zips" || NamesPostcode(element)))
        {
            // postcode.Split(' ')[0] is the outward code: a district of thousands of households, about the address,
            // whoever's postcode it is (form.ClaimantPostcode, update.RecipientPostcode).
            return FlowResult.Unknown;
        }
        if ((result.Identifier is { Domain: not ("ip" or "client.address") } || (result.Identifier is not null && SplitsGrpcPeer(element)))
            && IsPrefixSegmentOf(element))
        {
            // platformAccountId.Split(':')[0], partitionKey.Split(':')[0], dn.Split('=')[0]: the namespace, kind or
            // scheme in front of the separator, shared by every value of its kind.
            return FlowResult.Unknown;
        }
        return Rewrapped(result, element);
    }

    /// <summary>
    /// A few characters cut out of a value (<c>card[^4..]</c>, <c>isrn.Substring(6, 4)</c>). Of an
    /// identifier they are shown to be about it ("****" + card[^4..] under a card key); of a parameter,
    /// what callers pass is cut too (a masking helper's <c>number[..6] + "******" + number[^4..]</c>). A
    /// hash cut short is still the hash, of what callers pass too.
    /// </summary>
    private static FlowResult FewCharactersOf(FlowResult cut, IOperation target) =>
        cut.Hash is { } hash
            ? new FlowResult(null, hash.WithReplaceTarget(target), cut.Proven, cut.Sanitized, cut.Parameters)
            : new FlowResult(null, null, cut.Proven || cut.Identifier is not null || !cut.Parameters.IsEmpty, cut.Sanitized);

    /// <summary><c>text.Split(' ')[0]</c> (also with a count): the first word of the text.</summary>
    private static bool IsFirstWordOf(IArrayElementReferenceOperation element) =>
        FirstSegmentSplitArguments(element)?.Any(a => a.Value.ConstantValue is { HasValue: true, Value: ' ' or " " }) == true;

    /// <summary>The arguments of the <c>Split</c> whose first segment <c>text.Split(…)[0]</c> takes; null for any other shape.</summary>
    private static ImmutableArray<IArgumentOperation>? FirstSegmentSplitArguments(IArrayElementReferenceOperation element) =>
        element.Indices.Length == 1 && element.Indices[0].ConstantValue is { HasValue: true, Value: 0 }
        && OperationTree.Unwrap(element.ArrayReference) is IInvocationOperation { TargetMethod.Name: "Split" } split
            ? split.Arguments
            : null;

    /// <summary>The text split is named for a postcode (<c>form.ClaimantPostcode</c>, <c>deliveryZip</c>, also through <c>?.</c>).</summary>
    private static bool NamesPostcode(IArrayElementReferenceOperation element) =>
        SplitText(element) is { } text && ReferencedSymbol(ElementSource(text)) is { } symbol
        && (IsPostcodeName(symbol.Name)
            // run.CustomerPostcodes.Select(p => p.Split(' ')[0]): the lambda's parameter is one of the postcodes.
            || (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } && ProjectedSequence(text) is { } sequence
                && ReferencedSymbol(OperationTree.Unwrap(sequence)) is { } named && IsPostcodeName(named.Name)));

    /// <summary>The collection an element is read from (<c>run.Postcodes</c> of <c>run.Postcodes[0]</c>), or the value itself.</summary>
    private static IOperation ElementSource(IOperation value) =>
        OperationTree.Unwrap(value) switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection } => OperationTree.Unwrap(collection),
            IArrayElementReferenceOperation { ArrayReference: var array } => OperationTree.Unwrap(array),
            var other => other,
        };

    private static bool IsPostcodeName(string name) =>
        NameWords.Split(name) is { Count: > 0 } words && words[words.Count - 1] is "postcode" or "postcodes" or "zipcode" or "zipcodes" or "zip" or "zips" or "postal";

    /// <summary>The sequence a lambda ranges over (<c>xs</c> of <c>xs.Select(x => …)</c>), from inside the lambda.</summary>
    private static IOperation? ProjectedSequence(IOperation inside)
    {
        for (var current = inside.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation)
            {
                var call = current.Parent;
                while (call is not null and not IInvocationOperation)
                {
                    call = call.Parent;
                }
                return call is IInvocationOperation invocation
                    ? invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                    : null;
            }
        }
        return null;
    }

    /// <summary>
    /// <c>text.Split(':')[0]</c> (or <c>'='</c>): the part in front of the first separator of a namespaced or
    /// typed value, never the value's own part.
    /// </summary>
    private static bool IsPrefixSegmentOf(IArrayElementReferenceOperation element) =>
        FirstSegmentSplitArguments(element) is { Length: > 0 } arguments
        && (arguments[0].Value.ConstantValue is { HasValue: true, Value: ':' or ":" or '=' or "=" }
            || (arguments[0].Value.ConstantValue is { HasValue: true, Value: '-' or "-" } && NamesDevice(element)));

    /// <summary>
    /// A device's id split on <c>'-'</c> (<c>deviceId.Split('-')[0]</c>): consumer devices' ids lead with
    /// their platform or model (<c>tv-…</c>, <c>ios-…</c>), the class of device, not which one.
    /// </summary>
    private static bool NamesDevice(IArrayElementReferenceOperation element) =>
        SplitText(element) is { } text && ReferencedSymbol(text) is { } symbol
        && NameWords.Split(symbol.Name) is { Count: >= 2 } words
        && words[words.Count - 2] == "device" && words[words.Count - 1] is "id" or "ref";

    /// <summary>
    /// gRPC's <c>ServerCallContext.Peer</c> leads with the address family (<c>ipv4:10.0.0.7:51234</c>,
    /// <c>ipv6:[::1]:5000</c>, <c>unix:…</c>), so its first <c>':'</c> segment is the family, not the host.
    /// </summary>
    private static bool SplitsGrpcPeer(IArrayElementReferenceOperation element) =>
        SplitText(element) is IPropertyReferenceOperation { Property: { Name: "Peer", ContainingType.Name: "ServerCallContext" or "CallContext" } };

    /// <summary>The text an element's array was split from (<c>form.ClaimantPostcode</c> of <c>form.ClaimantPostcode?.Split(' ')[0]</c>), through <c>?.</c>.</summary>
    private static IOperation? SplitText(IArrayElementReferenceOperation element) =>
        OperationTree.Unwrap(element.ArrayReference) is IInvocationOperation { Instance: { } text } ? ReceiverBehind(text) : null;

    /// <summary><c>email.Split('@')[1]</c> (or <c>[^1]</c>) is the mail domain: about the person's provider, not the person.</summary>
    private static bool IsEmailDomainPart(IArrayElementReferenceOperation element) =>
        element.Indices.Length == 1
        && (element.Indices[0].ConstantValue is { HasValue: true, Value: int index and > 0 }
            || OperationTree.Unwrap(element.Indices[0]) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand.ConstantValue: { HasValue: true, Value: 1 } })
        && SplitBehind(element.ArrayReference) is { TargetMethod.Name: "Split" } split
        && split.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: '@' or "@" });

    /// <summary>
    /// The call that made an array, directly or through a local it was kept in and never replaced
    /// (<c>var parts = email.Split('@'); parts[^1]</c>).
    /// </summary>
    private static IInvocationOperation? SplitBehind(IOperation array)
    {
        var unwrapped = OperationTree.Unwrap(array);
        if (unwrapped is ILocalReferenceOperation local && OperationTree.DeclaredValue(local) is { } declared && !OperationTree.IsReassigned(local))
        {
            unwrapped = declared;
        }
        return unwrapped as IInvocationOperation;
    }

    private FlowResult EvaluateMember(IMemberReferenceOperation member, Frame frame, int depth)
    {
        if (member.Member.DeclaringSyntaxReferences.IsEmpty && member.Member.Name is "MemberName" or "MemberNames")
        {
            // ValidationResult.MemberNames, a binder's MemberName: the names of code members, not of club members.
            return FlowResult.Safe;
        }
        if (member is IFieldReferenceOperation { Field: { ContainingType.IsTupleType: true } tupleField, Instance: { } tupleInstance }
            && TupleElementIndex(tupleField) is int tuplePosition && !IsIdentifierSymbol(tupleField, frame.Options, out _)
            && ElementOfTuple(tupleInstance, tuplePosition, frame, depth) is var element
            && (element.Identifier is not null || element.Hash is not null || element.Sanitized || element.Proven))
        {
            // reminder.TemplateId of (string To, string TemplateId) reminder = Reminder(email, …): that element
            // only. An element whose origin is not in sight is judged by its name, as any member is.
            return Rewrapped(element, member);
        }
        if (IsLocalizedText(member.Member) && member.Instance is { } localized)
        {
            return Rewrapped(Evaluate(localized, frame, depth + 1), member);
        }
        if (member.Member.Name is "Name" or "FullName" or "DisplayName" && IsReflectedName(member.Member.ContainingType))
        {
            // property.Name of a PropertyInfo, parameter.Name of a ParameterInfo: the name of code, whatever the local is called.
            return FlowResult.Safe;
        }
        if ((DeclaredCallAddress(member, frame, depth) ?? RequestAddress(member, frame, depth) ?? UriPart(member, frame, depth) ?? UriBuilderPart(member, frame, depth)
                ?? IncomingRequestAddress(member, frame, depth)) is { } address)
        {
            return address;
        }
        if (TypedPersonalHeader(member) is { } headerDomain)
        {
            return Found(member, headerDomain);
        }
        if (IsUploadedFileName(member.Member))
        {
            return Found(member, "file.name");
        }
        if (Position(member) is { } position)
        {
            return position;
        }
        if (IsFleetPlate(member.Member))
        {
            // Sent under a key that names a plate (vehicle.plate), it is still no person's.
            return FlowResult.Safe;
        }
        if (DocumentedMessageKey(member, frame.Options) is { } messageKey)
        {
            return messageKey;
        }
        if (member is IPropertyReferenceOperation { Property: { Name: "Value", ContainingType: { Name: "Lazy", ContainingNamespace.Name: "System" } }, Instance: { } lazy })
        {
            // new Lazy<string>(() => pseudonymizer.Compute…(id)).Value: what the factory returns.
            return Rewrapped(LazyFactoryReturns(lazy, frame, depth), member);
        }
        if ((CarriesIdentifier(member.Type) || IsBiometricVector(member)) && IsIdentifierMember(member, frame.Options, out var memberDomain))
        {
            if (HoldsOnlyPseudonyms(member.Member, frame, depth))
            {
                // trust.PatientRef = pseudonymizer.ComputePatientId(hospitalNumber): named for the patient,
                // but every value the source puts in it is a pseudonym.
                return FlowResult.Pseudonymised;
            }
            return Found(member, memberDomain);
        }
        if (IsPersonalClaimValue(member, frame.Options))
        {
            return Found(member, "user");
        }
        // A failure's message or attempted value: by the rule it was picked by, when the code picks one.
        if (ValidationMessageValue(member, frame) is { } validationMessage)
        {
            return validationMessage;
        }
        if (IsTrackedIdentifierValue(member, frame.Options, out var trackedDomain, out var trackedOrigin)
            || IsAttemptedIdentifierValue(member, frame.Options, out trackedDomain, out trackedOrigin))
        {
            return Found(member, trackedDomain, trackedOrigin is null ? null : $"{Describe(member)} ({trackedOrigin})");
        }
        if (IsGrainIdentity(member, frame.Options, out var grainDomain))
        {
            return Found(member, grainDomain);
        }
        if (HealthReportPart(member, frame) is { } healthReport)
        {
            return healthReport;
        }
        if (ResourceClientName(member, frame, depth) is { } resource)
        {
            return resource;
        }
        var symbol = member.Member;
        if (symbol is IPropertySymbol { Name: "Values" } && member.Instance is { } valued && IsDictionary(valued.Type)
            && OperationTree.Unwrap(valued) is IMemberReferenceOperation && DictionaryValuesOf(valued, frame, depth) is { } keptValues)
        {
            // string.Join(", ", _waitingByHospitalNumber.Values): the values its type's code puts in.
            return Rewrapped(keptValues, member);
        }
        if (symbol is IPropertySymbol { Name: "Keys" } && member.Instance is { } keyed && DictionaryKeysOf(keyed, frame, depth) is { } keys)
        {
            // failures[appointment.PatientMrn] = error; string.Join(",", failures.Keys): the keys put in a local;
            // _online.Keys: those its type's code puts in; ordersByCustomer.Keys of one handed in: whose its name says.
            return Rewrapped(keys, member);
        }
        if (symbol is IPropertySymbol { Name: "Detail" or "Details" or "Description" or "ErrorMessage" } && member.Instance is { } statusOf
            && OperationTree.Unwrap(statusOf) is IPropertyReferenceOperation { Property.Name: "Status" or "Error" or "ValidationResult", Instance: { } thrown } && IsException(thrown.Type))
        {
            // ex.Status.Detail of a caught RpcException, ex.ValidationResult.ErrorMessage: the text its
            // thrower wrote, which is in its message too.
            return Rewrapped(ExceptionMessage(thrown, frame, depth + 1), member);
        }
        if (IsExceptionData(symbol))
        {
            // ex.Data sent whole (enumerated, joined, captured): every value the source puts in any
            // exception's Data. Its keys and count are not its values.
            return member.Parent is IPropertyReferenceOperation { Property.Name: "Keys" or "Count" }
                ? FlowResult.Safe
                : Rewrapped(ExceptionData(key: default, frame, depth), member);
        }
        if (symbol is IPropertySymbol { Name: "Value", ContainingType.Name: "DictionaryEntry" } && member.Instance is { } dictionaryEntry)
        {
            // foreach (DictionaryEntry entry in ex.Data) … entry.Value: a value of the dictionary enumerated.
            return Rewrapped(Evaluate(dictionaryEntry, frame, depth + 1), member);
        }
        if (symbol is IPropertySymbol { Name: "ActualValue", ContainingType.Name: "ArgumentOutOfRangeException" } && member.Instance is { } outOfRange)
        {
            // The value an ArgumentOutOfRangeException was made with, which its message quotes too.
            return Rewrapped(ExceptionMessage(outOfRange, frame, depth + 1), member);
        }
        if (symbol is IPropertySymbol { Name: "Value" or "Message" } property && member.Instance is { } instance)
        {
            if (property.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || _known.IsPseudonym(instance.Type))
            {
                return Evaluate(instance, frame, depth + 1);
            }
            if (IsException(instance.Type))
            {
                return Rewrapped(ExceptionMessage(instance, frame, depth + 1), member);
            }
            if (KnownSymbols.Is(property.ContainingType, _known.KeyValuePair))
            {
                if (property.Name == "Value" && EnumeratedDictionary(OperationTree.Unwrap(instance), throughFilters: false) is { } valuesOf
                    && DictionaryValuesOf(valuesOf, frame, depth) is { } values)
                {
                    // pair.Value of perCard, counts per card: the dictionary's values, not its keys.
                    return Rewrapped(values, member);
                }
                // tag.Value of a pair taken from a list of tags: what the pairs were built with.
                return Rewrapped(Evaluate(instance, frame, depth + 1), member);
            }
        }
        if (symbol is IPropertySymbol { Name: "Key" } pairKey && KnownSymbols.Is(pairKey.ContainingType, _known.KeyValuePair)
            && member.Instance is { } entry && EnumeratedDictionary(OperationTree.Unwrap(entry)) is { } enumerated
            && DictionaryKeysOf(enumerated, frame, depth) is { } entryKeys)
        {
            // foreach (var pair in _chargedToday) … pair.Key, _lateToday.Where(p => p.Value > 1).Select(p => p.Key):
            // the keys the dictionary was given.
            return Rewrapped(entryKeys, member);
        }
        if (symbol is IPropertySymbol { Name: "Key", ContainingType.Name: "IGrouping" } && member.Instance is { } group)
        {
            // g.Key in GroupBy(r => r.Mrn).ToDictionary(g => g.Key, …): the group stands for what it was grouped by.
            return Rewrapped(Evaluate(group, frame, depth + 1), member);
        }
        if (InitializedInSight(member) is { } initialized)
        {
            // var envelope = new EnvelopeDefinition { EmailSubject = $"… {quote.ContractNumber}" }; envelope.EmailSubject:
            // what this creation set, not what every creation of the type in the compilation sets.
            return Rewrapped(Evaluate(initialized, frame, depth + 1), member);
        }
        if (IsInputBag(member, frame))
        {
            // context.ActionArguments, a job's Args, request.Headers sent whole: every input the caller sent.
            return Found(member, "input", $"{Describe(member)} (every input it holds, as sent)");
        }
        if (KeyedIdentifierEntry(member, frame) is { } keyedEntry)
        {
            return keyedEntry;
        }
        if (ConstructedInSight(member, frame, depth) is { } constructed)
        {
            return constructed;
        }
        if (symbol.DeclaringSyntaxReferences.IsEmpty)
        {
            return FlowResult.Unknown;
        }
        if (symbol is IFieldSymbol { ContainingType.IsTupleType: true } && member.Instance is { } tuple)
        {
            return Rewrapped(Evaluate(tuple, frame, depth + 1), member);
        }
        if (symbol is IPropertySymbol { IsAbstract: true } contract && CarriesIdentifier(member.Type) && !JudgedAtCallers(member.Instance))
        {
            // request.CacheKey of an ICacheableQuery: what the source's implementations return or hold.
            return Rewrapped(ImplementedPropertyValues(member, contract, frame, depth), member);
        }
        if (symbol is IPropertySymbol { GetMethod: { } getter } && !IsAutoProperty(symbol))
        {
            return Rewrapped(Returns(getter, -1, frame, depth).WithoutParameters(), member);
        }
        if (WrittenJustBefore(member) is { } written)
        {
            // problem.Detail = stock.Message; activity.SetTag("problem.detail", problem.Detail): what the line above wrote.
            return Rewrapped(Evaluate(written, frame, depth + 1), member);
        }
        return Rewrapped(Stores(symbol, frame, depth), member);
    }

    /// <summary>
    /// A member read from a parameter of a helper (<c>Raise&lt;T&gt;(T alert)</c> sending <c>alert.Subject</c>):
    /// each call is judged by what its caller hands over, not the helper by every type that might be handed
    /// to it. A method that implements an interface member or overrides one (a pipeline behaviour's
    /// <c>Handle</c>, which a framework calls) is judged here. Told from the declaration alone: searching
    /// the source for a method's calls costs a pass over every file per method.
    /// </summary>
    private static bool JudgedAtCallers(IOperation? instance) =>
        instance is not null && OperationTree.Unwrap(instance) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol method }
        && HasSource(method) && method.MethodKind == MethodKind.Ordinary && !method.IsOverride && method.ExplicitInterfaceImplementations.IsEmpty
        && !ImplementsInterfaceMember(method);

    private static bool ImplementsInterfaceMember(IMethodSymbol method)
    {
        var type = method.ContainingType;
        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The value a statement of the same straight-line run wrote into the member of a local or
    /// parameter before the member is read, when nothing in between may have written it again.
    /// </summary>
    private static IOperation? WrittenJustBefore(IMemberReferenceOperation read)
    {
        var holder = read.Instance is null ? null : ReferencedSymbol(OperationTree.Unwrap(read.Instance));
        if (holder is not (ILocalSymbol or IParameterSymbol))
        {
            return null;
        }
        IOperation statement = read;
        while (statement.Parent is { } parent)
        {
            var run = parent switch
            {
                IBlockOperation block => block.Operations,
                ISwitchCaseOperation section => section.Body,
                _ => default,
            };
            if (run.IsDefault)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation
                    || (parent is ILoopOperation && WritesMember(parent, read.Member)))
                {
                    // A write later in a loop's body reaches the read in the next pass.
                    return null;
                }
                statement = parent;
                continue;
            }
            for (var at = run.IndexOf(statement) - 1; at >= 0; at--)
            {
                var earlier = run[at];
                if (earlier is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment }
                    && SameMember(target, read, holder))
                {
                    return assignment.Value;
                }
                if (WritesMember(earlier, read.Member))
                {
                    return null;
                }
            }
            statement = parent;
        }
        return null;
    }

    /// <summary>
    /// The value an object initializer gave a member, when the member is read from a local whose only
    /// value is that creation and nothing else in the method writes the member through the local.
    /// </summary>
    private static IOperation? InitializedInSight(IMemberReferenceOperation read)
    {
        if (read.Instance is null || OperationTree.Unwrap(read.Instance) is not ILocalReferenceOperation holder)
        {
            return null;
        }
        var root = OperationTree.Root(holder);
        var writes = LocalWrites(holder.Local, root);
        if (writes.Count != 1 || writes[0].Element >= 0 || writes[0].Value is IArgumentOperation
            || OperationTree.Unwrap(writes[0].Value) is not IObjectCreationOperation { Initializer: { } initializer })
        {
            return null;
        }
        var given = initializer.Initializers.OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(i => i.Target is IMemberReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Member, read.Member))?.Value;
        if (given is null)
        {
            return null;
        }
        return IsMemberWrittenIn(root, read, holder.Local) ? null : given;
    }

    /// <summary>Whether the method assigns the member read here on the same local elsewhere (<c>envelope.Subject = …</c>).</summary>
    private static bool IsMemberWrittenIn(IOperation root, IMemberReferenceOperation read, ILocalSymbol holder) =>
        OperationTree.Descendants(root).Any(o => o is IAssignmentOperation { Target: IMemberReferenceOperation target } && SameMember(target, read, holder));

    private static bool WritesMember(IOperation root, ISymbol member) =>
        OperationTree.Descendants(root).Any(o => o is IAssignmentOperation { Target: IMemberReferenceOperation other } && SymbolEqualityComparer.Default.Equals(other.Member, member));

    private static bool SameMember(IMemberReferenceOperation target, IMemberReferenceOperation read, ISymbol holder) =>
        SymbolEqualityComparer.Default.Equals(target.Member, read.Member)
        && target.Instance is { } instance
        && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(instance)), holder);

    /// <summary>What the factories given to the creations of a <c>Lazy&lt;T&gt;</c> (in a local, field or property) return.</summary>
    private FlowResult LazyFactoryReturns(IOperation lazy, Frame frame, int depth)
    {
        var operation = OperationTree.Unwrap(lazy);
        IEnumerable<IOperation> creations = operation switch
        {
            IObjectCreationOperation creation => new[] { creation },
            ILocalReferenceOperation local => LocalWrites(local.Local, OperationTree.Root(local)).Select(w => w.Value),
            IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } held => _index.WritesOf(held.Member, frame.CancellationToken),
            _ => Array.Empty<IOperation>(),
        };
        FlowResult? result = null;
        foreach (var written in creations)
        {
            if (OperationTree.Unwrap(written) is not IObjectCreationOperation { Arguments.Length: >= 1 } made
                || made.Arguments.FirstOrDefault(a => AnonymousFunction(a.Value) is not null) is not { } factory)
            {
                return FlowResult.Unknown;
            }
            var returned = LambdaReturns(factory.Value, frame, depth + 1).WithoutParameters();
            result = result is null ? returned : FlowResult.Combine(result, returned);
        }
        return result ?? FlowResult.Unknown;
    }

    /// <summary>The largest modulus or mask whose result is taken as a bucket rather than a value.</summary>
    private const long MaxBuckets = 1024;

    /// <summary>
    /// A constant cut of a few characters of text (<c>hex[..2]</c>, <c>hex[^1..]</c>) whose possible values
    /// are at most <see cref="MaxBuckets"/>: sixteen per character of hexadecimal text made in sight, and
    /// sixty-four per character of any other (Base64 and the like).
    /// </summary>
    private static bool IsBucketOfText(IOperation text, IOperation range)
    {
        if (OperationTree.Unwrap(range) is not IRangeOperation cut)
        {
            return false;
        }
        int? length = (cut.LeftOperand is null ? 0 : ConstantInt(cut.LeftOperand), cut.RightOperand is null ? null : ConstantInt(cut.RightOperand)) switch
        {
            // [..n] and [i..j]: counted from the start.
            (int start, int end) when !IsFromEnd(cut.RightOperand!) && !(cut.LeftOperand is not null && IsFromEnd(cut.LeftOperand)) => end - start,
            // [^n..]: the last n characters.
            (int fromEnd, null) when cut.LeftOperand is not null && IsFromEnd(cut.LeftOperand) => fromEnd,
            _ => null,
        };
        if (length is not (> 0 and <= 5))
        {
            return false;
        }
        var alphabet = IsHexText(text) ? 16L : 64L;
        var values = 1L;
        for (var i = 0; i < length; i++)
        {
            values *= alphabet;
        }
        return values <= MaxBuckets;

        static int? ConstantInt(IOperation operand) =>
            OperationTree.Unwrap(operand) switch
            {
                { ConstantValue: { HasValue: true, Value: int value } } => value,
                IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand: var operandOfHat } when OperationTree.Unwrap(operandOfHat).ConstantValue is { HasValue: true, Value: int fromEnd } => fromEnd,
                _ => null,
            };

        static bool IsFromEnd(IOperation operand) => OperationTree.Unwrap(operand) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat };
    }

    /// <summary><c>Convert.ToHexString(…)</c>, written in place or given to a local that is given nothing else.</summary>
    private static bool IsHexText(IOperation text)
    {
        var unwrapped = OperationTree.Unwrap(text);
        if (unwrapped is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            return writes.Count > 0 && writes.All(w => w.Element < 0 && IsHexConversion(OperationTree.Unwrap(w.Value)));
        }
        return IsHexConversion(unwrapped);

        static bool IsHexConversion(IOperation operation) =>
            operation is IInvocationOperation { TargetMethod: { Name: "ToHexString" or "ToHexStringLower", ContainingType.Name: "Convert" } };
    }

    /// <summary>
    /// The unkeyed hash a comparison with a constant is made of (<c>hash % 20 == 0</c>,
    /// <c>(HashCode.Combine(card) &amp; 15) == 0</c>), or null for any other comparison.
    /// </summary>
    private HashFinding? SampledHash(IBinaryOperation comparison, Frame frame, int depth)
    {
        var compared = OperationTree.Unwrap(comparison.RightOperand).ConstantValue.HasValue ? comparison.LeftOperand
            : OperationTree.Unwrap(comparison.LeftOperand).ConstantValue.HasValue ? comparison.RightOperand
            : null;
        if (compared is null || !IsNumber(compared.Type))
        {
            return null;
        }
        return Evaluate(compared, frame, depth + 1).Hash is { } hash && hash.Method != ArithmeticHash ? hash : null;
    }

    private static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

    private static bool IsSmallConstant(IOperation operand) =>
        OperationTree.Unwrap(operand).ConstantValue is { HasValue: true, Value: { } value }
        && value is sbyte or byte or short or ushort or int or uint or long
        && Math.Abs(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)) <= MaxBuckets;

    private static bool IsAutoProperty(ISymbol property) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null))
        || SourceIndex.IsDeclaredByParameter(property);

    /// <summary>
    /// Whether a field or auto-property of the source is written somewhere and only ever with a
    /// pseudonym: its name then says whose pseudonym it holds, not that it holds the identifier.
    /// </summary>
    private bool HoldsOnlyPseudonyms(ISymbol member, Frame frame, int depth)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty || member is not (IFieldSymbol or IPropertySymbol))
        {
            return false;
        }
        // Asked on every read of a member named for an identifier: answered once per member.
        var key = member.OriginalDefinition;
        if (_onlyPseudonyms.TryGetValue(key, out var known))
        {
            return known;
        }
        // A record's positional member, one only a `with` sets, or one of an object the source never
        // makes itself is filled out of sight (a deserialiser, a model binder, an ORM): what the source
        // writes is not all it holds.
        if ((member is IPropertySymbol && !IsAutoProperty(member))
            || SourceIndex.IsDeclaredByParameter(member)
            || (!member.IsStatic && !_index.IsCreatedInSource(member.ContainingType, frame.CancellationToken))
            || !_index.WritesOf(member, frame.CancellationToken).Any(write => !write.Syntax.Ancestors().Any(a => a is WithExpressionSyntax)))
        {
            return _onlyPseudonyms.GetOrAdd(key, false);
        }
        if (!frame.Active.Add((key, nameof(HoldsOnlyPseudonyms))))
        {
            return false;
        }
        try
        {
            var only = true;
            foreach (var write in _index.WritesOf(member, frame.CancellationToken))
            {
                var written = Evaluate(write, frame.For(_optionsFor(write.Syntax.SyntaxTree)), depth + 1);
                if (written is not { Identifier: null, Hash: null, Sanitized: true })
                {
                    only = false;
                    break;
                }
            }
            return _onlyPseudonyms.GetOrAdd(key, only);
        }
        finally
        {
            frame.Active.Remove((key, nameof(HoldsOnlyPseudonyms)));
        }
    }

    /// <summary>What the source stores into a member, anywhere in the compilation.</summary>
    private FlowResult Stores(ISymbol member, Frame frame, int depth)
    {
        if (!CarriesIdentifier(TypeOf(member)) && !IsTextBuilder(TypeOf(member)) && !IsCollection(TypeOf(member)))
        {
            return FlowResult.Unknown;
        }
        // Message<string, MeterReading>.Key and Message<string, Receipt>.Key are never the same
        // object's: a member of a constructed generic type holds only what is stored into that construction.
        var constructed = IsFullyConstructed(member.ContainingType) && !member.ContainingType.Equals(member.ContainingType.OriginalDefinition, SymbolEqualityComparer.Default)
            ? member.ContainingType
            : null;
        var key = constructed is null ? member.OriginalDefinition : member;
        if (_stores.TryGetValue(key, out var cached))
        {
            return cached;
        }
        if (!frame.Active.Add(key))
        {
            return FlowResult.Unknown;
        }
        try
        {
            // What a member holds is never proven safe by what this compilation happens to store.
            var result = FlowResult.Unknown;
            foreach (var write in _index.WritesOf(member, frame.CancellationToken))
            {
                if (constructed is not null && WrittenContainer(write) is { } container && IsFullyConstructed(container)
                    && !container.Equals(constructed, SymbolEqualityComparer.Default))
                {
                    continue;
                }
                var local = frame.For(_optionsFor(write.Syntax.SyntaxTree));
                var written = Evaluate(write, local, depth + 1);
                result = FlowResult.Combine(result, written.WithoutParameters());
                if (written.Identifier is null && written.Hash is null)
                {
                    // new FieldChange(name, property.GetValue(before)?.ToString(), …) in a generic helper
                    // (Compare<T>(T before, T after)): what it reads out of a T is what its callers hand it.
                    // A helper of one type is left alone: the objects it is given are judged where they are sent.
                    foreach (var parameter in written.Parameters)
                    {
                        if (parameter.Type is ITypeParameterSymbol)
                        {
                            result = FlowResult.Combine(result, PassedByCallers(parameter, frame, depth + 1));
                        }
                    }
                }
            }
            return _stores.GetOrAdd(key, result);
        }
        finally
        {
            frame.Active.Remove(key);
        }
    }

    /// <summary>
    /// What the calls of a project's method hand one of its parameters, each argument judged where it is
    /// written (an object by what it prints); a lambda's or a constructor's parameters are left to the
    /// rules that read them.
    /// </summary>
    private FlowResult PassedByCallers(IParameterSymbol parameter, Frame frame, int depth)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || depth > MaxDepth
            || !frame.Active.Add(("callers", parameter.OriginalDefinition)))
        {
            return FlowResult.Unknown;
        }
        try
        {
            var result = FlowResult.Unknown;
            foreach (var reference in _index.ReferencesOf(method, frame.CancellationToken))
            {
                if (reference is not IInvocationOperation call
                    || call.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.OriginalDefinition)) is not { } argument
                    || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }
                result = FlowResult.Combine(result, Evaluate(argument.Value, frame.For(_optionsFor(call.Syntax.SyntaxTree)), depth + 1).WithoutParameters());
            }
            return result;
        }
        finally
        {
            frame.Active.Remove(("callers", parameter.OriginalDefinition));
        }
    }

    /// <summary>The type whose member a stored value is written into, as the write constructs it.</summary>
    private static ITypeSymbol? WrittenContainer(IOperation write) => write.Parent switch
    {
        ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } => target.Member.ContainingType,
        IArgumentOperation { Parent: IObjectCreationOperation creation } => creation.Type,
        _ => null,
    };

    private static bool IsFullyConstructed(ITypeSymbol? type) => type switch
    {
        null => false,
        ITypeParameterSymbol => false,
        IArrayTypeSymbol array => IsFullyConstructed(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.All(IsFullyConstructed) && (named.ContainingType is null || IsFullyConstructed(named.ContainingType)),
        _ => true,
    };

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        ILocalSymbol local => local.Type,
        _ => null,
    };

    private FlowResult EvaluateLocal(ILocalReferenceOperation local, Frame frame, int depth)
    {
        var named = CarriesIdentifier(local.Type) && IsIdentifierSymbol(local.Local, frame.Options, out var domain) ? domain : null;
        var held = WrittenToLocal(local, frame, depth);
        if (named is not null)
        {
            if (named == "text" && held.Identifier is null && held.Hash is null
                && LocalWrites(local.Local, OperationTree.Root(local)).All(w => IsComposedHere(w.Value, w.Element)))
            {
                // var note = $"transfer to {transfer.ToWard}": named for free text, but text the method composes
                // itself, judged by what it is composed of.
                return held;
            }
            // A local named for an identifier holds one, unless what it is given is shown to be a
            // hash of one (emailKey = MD5(email): TC1002, not TC1001) or a pseudonym.
            return held.Hash is not null || (held.Sanitized && held.Identifier is null) ? held : Found(local, named);
        }
        return held;
    }

    /// <summary>
    /// Text the method writes itself: a literal, an interpolation, a concatenation, or a choice among
    /// them (<c>?:</c>, a switch expression's arms, the element of a tuple they give).
    /// </summary>
    private static bool IsComposedHere(IOperation value, int element)
    {
        var operation = OperationTree.Unwrap(value);
        if (element >= 0)
        {
            return operation switch
            {
                ITupleOperation tuple => element < tuple.Elements.Length && IsComposedHere(tuple.Elements[element], -1),
                ISwitchExpressionOperation choice => choice.Arms.All(a => IsComposedHere(a.Value, element)),
                IConditionalOperation { WhenFalse: { } whenFalse } conditional => IsComposedHere(conditional.WhenTrue, element) && IsComposedHere(whenFalse, element),
                _ => false,
            };
        }
        return operation switch
        {
            _ when operation.ConstantValue.HasValue => true,
            IInterpolatedStringOperation => true,
            // message.GetType().Name: the name of a type of the program.
            IPropertyReferenceOperation { Property.Name: "Name", Instance: IInvocationOperation { TargetMethod.Name: "GetType", Arguments.Length: 0 } } => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation => concatenation.Type?.SpecialType == SpecialType.System_String,
            ISwitchExpressionOperation choice => choice.Arms.All(a => IsComposedHere(a.Value, -1)),
            IConditionalOperation { WhenFalse: { } whenFalse } conditional => IsComposedHere(conditional.WhenTrue, -1) && IsComposedHere(whenFalse, -1),
            _ => false,
        };
    }

    /// <summary>The position of a tuple's element among its elements (<c>TemplateId</c> of <c>(string To, string TemplateId)</c> is 1).</summary>
    private static int? TupleElementIndex(IFieldSymbol field)
    {
        var underlying = field.CorrespondingTupleField ?? field;
        var elements = field.ContainingType.TupleElements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField ?? elements[i], underlying))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>
    /// One element of a tuple: of each value a local was given, of what a call returns in that position,
    /// of a tuple written in place; any other tuple is judged whole.
    /// </summary>
    private FlowResult ElementOfTuple(IOperation tuple, int position, Frame frame, int depth)
    {
        if (OperationTree.Unwrap(tuple) is not ILocalReferenceOperation local)
        {
            return TupleElement(tuple, position, frame, depth);
        }
        var writes = LocalWrites(local.Local, OperationTree.Root(local));
        // A local given part of a tuple or an out argument, or met again while its own writes are read: judged whole.
        var key = ("tuple element", local.Local);
        if (writes.Count == 0 || writes.Any(w => w.Element >= 0 || w.Value is IArgumentOperation) || !frame.Active.Add(key))
        {
            return Evaluate(tuple, frame, depth + 1);
        }
        try
        {
            var result = FlowResult.Safe;
            foreach (var (write, _) in writes)
            {
                if (!ComesOnlyAfter(write, local))
                {
                    result = FlowResult.Combine(result, TupleElement(write, position, frame, depth));
                }
            }
            return result;
        }
        finally
        {
            frame.Active.Remove(key);
        }
    }

    private FlowResult WrittenToLocal(ILocalReferenceOperation local, Frame frame, int depth)
    {
        if (!frame.Visited.Add(local.Local))
        {
            return FlowResult.Unknown;
        }
        var writes = LocalWrites(local.Local, OperationTree.Root(local));
        if (writes.Count == 0)
        {
            return FlowResult.Unknown;
        }
        var result = FlowResult.Safe;
        foreach (var (write, element) in writes)
        {
            if (ComesOnlyAfter(write, local))
            {
                continue;
            }
            var written = write is IArgumentOperation argument
                ? OutArgument(argument, frame, depth)
                : element >= 0 ? TupleElement(write, element, frame, depth)
                : ArmsSeenUnderGuard(write, local) is { } arms ? Rewrapped(CombineAll(arms, frame, depth), write)
                : Evaluate(write, frame, depth + 1);
            // A foreach variable over patientIds is a patient id even though the collection is not a scalar.
            if (written.Identifier is null && IsForEachCollection(write) && ReferencedSymbol(OperationTree.Unwrap(write)) is { } collection
                && IsScalar(local.Type) && IsIdentifierSymbol(collection, frame.Options, out var collectionDomain))
            {
                written = new FlowResult(new IdentifierFinding(Describe(write), collectionDomain, local), written.Hash, proven: false, written.Sanitized);
            }
            result = FlowResult.Combine(result, written);
        }
        // The fix wraps the local where it reaches telemetry, not where it was assigned.
        return Rewrapped(result, local);
    }

    /// <summary>
    /// The arms of a choice a read can see when the read sits under a test of the same condition:
    /// <c>var subject = personal ? withName : plain;</c> read inside <c>if (personal)</c> is <c>withName</c>,
    /// in its <c>else</c> <c>plain</c>; <c>var line = kind switch { "watched" =&gt; a, _ =&gt; b };</c> read
    /// inside <c>if (kind == "watched")</c> is <c>a</c>. Null when the write is no such choice or the read
    /// is under no such test.
    /// </summary>
    private static List<IOperation>? ArmsSeenUnderGuard(IOperation write, ILocalReferenceOperation read)
    {
        var choice = OperationTree.Unwrap(write);
        if (choice is not (IConditionalOperation { WhenFalse: not null } or ISwitchExpressionOperation))
        {
            return null;
        }
        SyntaxNode child = read.Syntax;
        for (var around = read.Syntax.Parent; around is not null and not MemberDeclarationSyntax and not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax; child = around, around = around.Parent)
        {
            if (around is not IfStatementSyntax guard || child == guard.Condition)
            {
                continue;
            }
            var inThen = child == guard.Statement;
            switch (choice)
            {
                case IConditionalOperation ternary when SyntaxFactory.AreEquivalent(StripParentheses(guard.Condition), StripParentheses((ExpressionSyntax)ternary.Condition.Syntax)):
                    return new List<IOperation> { inThen ? ternary.WhenTrue : ternary.WhenFalse! };
                case ISwitchExpressionOperation switched when ComparedConstant(guard.Condition, (ExpressionSyntax)switched.Value.Syntax) is { } constant:
                    var matching = switched.Arms.FirstOrDefault(a => a.Pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true } value } && Equals(value.Value, constant))
                        ?? switched.Arms.FirstOrDefault(a => a.Pattern is IDiscardPatternOperation);
                    // Only when no arm before it (a type or relational pattern, a guard) could take the value first.
                    if (matching is null || switched.Arms.TakeWhile(a => a != matching).Append(matching)
                            .Any(a => a.Guard is not null || a.Pattern is not (IConstantPatternOperation or IDiscardPatternOperation)))
                    {
                        return null;
                    }
                    return inThen
                        ? new List<IOperation> { matching.Value }
                        : switched.Arms.Where(a => a != matching || a.Pattern is IDiscardPatternOperation).Select(a => a.Value).ToList();
            }
        }
        return null;
    }

    private static ExpressionSyntax StripParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }
        return expression;
    }

    /// <summary>The constant a test compares <paramref name="subject"/> with: <c>kind == "watched"</c>, <c>"watched" == kind</c>, <c>kind is "watched"</c>.</summary>
    private static object? ComparedConstant(ExpressionSyntax test, ExpressionSyntax subject)
    {
        test = StripParentheses(test);
        subject = StripParentheses(subject);
        (ExpressionSyntax? side, ExpressionSyntax? other) = test switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals => (equals.Left, equals.Right),
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constantPattern } isPattern => (isPattern.Expression, constantPattern.Expression),
            _ => (null, null),
        };
        if (side is null || other is null)
        {
            return null;
        }
        if (SyntaxFactory.AreEquivalent(StripParentheses(side), subject) && other is LiteralExpressionSyntax literal)
        {
            return literal.Token.Value;
        }
        return SyntaxFactory.AreEquivalent(StripParentheses(other), subject) && side is LiteralExpressionSyntax reversed ? reversed.Token.Value : null;
    }

    /// <summary>
    /// Whether a write to a local can only run after the read: it comes later in the text, and no loop
    /// around the read also holds the write (so no later pass brings it back), and the read is not in a
    /// lambda or local function that may run after the write. A builder appended to after it was logged
    /// did not log what came later.
    /// </summary>
    /// <summary>Whether a member's body has a <c>goto</c>, found once per member: every local read there asks.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, System.Runtime.CompilerServices.StrongBox<bool>> GotosByMember = new();

    private static bool ComesOnlyAfter(IOperation write, ILocalReferenceOperation read)
    {
        if (write.Syntax.SyntaxTree != read.Syntax.SyntaxTree || write.Syntax.SpanStart <= read.Syntax.Span.End)
        {
            return false;
        }
        for (var around = read.Syntax.Parent; around is not null; around = around.Parent)
        {
            switch (around)
            {
                case ForStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    if (around.Span.Contains(write.Syntax.Span))
                    {
                        return false;
                    }
                    break;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax:
                    // Run later than written, or jumped back to.
                    return false;
                case MemberDeclarationSyntax:
                    // A goto anywhere in the body can jump back: stay with the writes as they are.
                    return !GotosByMember.GetValue(around, member => new System.Runtime.CompilerServices.StrongBox<bool>(member.DescendantNodes().OfType<GotoStatementSyntax>().Any())).Value;
            }
        }
        return false;
    }

    /// <summary>
    /// Everything a local receives in its method: initializer, assignments (also compound ones),
    /// foreach, out/ref arguments, deconstruction (with the element it takes), and what is added
    /// or appended to it when it is a builder or a collection.
    /// </summary>
    private static List<(IOperation Value, int Element)> LocalWrites(ILocalSymbol local, IOperation root)
    {
        var writes = new List<(IOperation, int)>();
        foreach (var operation in WriteCandidates.GetValue(root, FindWriteCandidates))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer?.Value is { } initial)
                    {
                        writes.Add((initial, -1));
                    }
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Same(target, local) && assignment is not IDeconstructionAssignmentOperation:
                    writes.Add((assignment.Value, -1));
                    if (assignment is ICompoundAssignmentOperation)
                    {
                        writes.Add((target, -1));
                    }
                    break;
                case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation indexed } } indexerWrite when Same(indexed, local):
                    writes.Add((indexerWrite.Value, -1));
                    break;
                case IAssignmentOperation partWrite when IsUriBuilderPartWrite(partWrite, local):
                    writes.Add((partWrite.Value, -1));
                    break;
                case IForEachLoopOperation loop when OperationTree.Descendants(loop.LoopControlVariable ?? loop).OfType<ILocalReferenceOperation>().Any(r => Same(r, local))
                                                    || (loop.LoopControlVariable is IVariableDeclaratorOperation d && SymbolEqualityComparer.Default.Equals(d.Symbol, local)):
                    // foreach (var (key, value) in entries): the key of a dictionary's entries is one of its keys.
                    // foreach (var (card, count) in perCard.Take(5)): the value is one of its values.
                    writes.Add((loop.Collection, loop.LoopControlVariable is { } control && IsDictionary(PairsSource(OperationTree.Unwrap(loop.Collection)).Type)
                        && ElementOf(control, local) is (0 or 1) and var part ? part : -1));
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when ReferencesLocal(argument.Value, local):
                    writes.Add((argument, -1));
                    break;
                case IArgumentOperation { Parameter.Name: "destination" or "output" or "buffer", Parent: IInvocationOperation } filled when ReferencesLocal(filled.Value, local):
                    // HMACSHA256.HashData(key, data, mac) fills mac with what the call computes.
                    writes.Add((filled, -1));
                    break;
                case IPatternOperation pattern when SymbolEqualityComparer.Default.Equals(DeclaredBy(pattern), local) && PatternInput(pattern) is { } input
                                                    && !NarrowsAnObject(input, local):
                    // report.MeterSerial is { Length: > 0 } serial: the local holds what the pattern matched.
                    writes.Add((input, -1));
                    break;
                case IDeconstructionAssignmentOperation deconstruction when ElementOf(deconstruction.Target, local) is { } position:
                    writes.Add((deconstruction.Value, position));
                    break;
                case IInvocationOperation { Instance: { } chained } mutation when (CollectionMutators.Contains(mutation.TargetMethod.Name) || IsBuilderReplace(mutation.TargetMethod))
                                                                               && ChainRoot(chained) is ILocalReferenceOperation receiver && Same(receiver, local):
                    foreach (var argument in mutation.Arguments)
                    {
                        if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            writes.Add((argument.Value, -1));
                        }
                    }
                    break;
            }
        }
        return writes;
    }

    /// <summary>
    /// The operations of a body that can write a local, found in one walk per body: a body with
    /// many locals is not walked once per local.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, List<IOperation>> WriteCandidates = new();

    private static List<IOperation> FindWriteCandidates(IOperation root) =>
        OperationTree.Descendants(root).Where(operation => operation switch
        {
            IVariableDeclaratorOperation or IAssignmentOperation or IForEachLoopOperation => true,
            IDeclarationPatternOperation { DeclaredSymbol: not null } or IRecursivePatternOperation { DeclaredSymbol: not null } => true,
            IArgumentOperation { Parameter: { } parameter } => parameter.RefKind is RefKind.Out or RefKind.Ref || parameter.Name is "destination" or "output" or "buffer",
            IInvocationOperation { Instance: not null } call => CollectionMutators.Contains(call.TargetMethod.Name) || IsBuilderReplace(call.TargetMethod),
            _ => false,
        }).ToList();

    /// <summary><c>builder.Replace("{{name}}", name)</c>: a builder filled in place.</summary>
    private static bool IsBuilderReplace(IMethodSymbol method) => method.Name == "Replace" && IsTextBuilder(method.ContainingType);

    /// <summary>
    /// <c>case LobbyClosed closed:</c> over a <c>LobbyEvent</c>: the local is only that case, which prints its own
    /// members, not whatever the other cases of its input print. An exception keeps its input: its message
    /// is judged by where it was thrown.
    /// </summary>
    private static bool NarrowsAnObject(IOperation input, ILocalSymbol local) =>
        !IsScalar(local.Type) && !IsOrDerivesFrom(local.Type as INamedTypeSymbol, t => t is { Name: "Exception", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        && Narrows(local.Type, OperationTree.Unwrap(input).Type);

    private static ISymbol? DeclaredBy(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
        _ => null,
    };

    /// <summary>
    /// What a pattern is matched against: the tested value of an <c>is</c> or <c>switch</c>, or the
    /// member a property sub-pattern reads (<c>{ Patient: { Mrn: var mrn } }</c> reads <c>.Mrn</c>).
    /// </summary>
    private static IOperation? PatternInput(IPatternOperation pattern) => pattern.Parent switch
    {
        IIsPatternOperation test => test.Value,
        ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
        IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation statement } } => statement.Value,
        IPropertySubpatternOperation subpattern => subpattern.Member,
        // is not string serial, is string mrn and { Length: > 0 }: the same input as the whole pattern.
        INegatedPatternOperation or IBinaryPatternOperation => PatternInput((IPatternOperation)pattern.Parent),
        _ => null,
    };

    /// <summary>
    /// The entries a collection initializer puts in: <c>[key] = value</c>, <c>{ key, value }</c> and
    /// <c>item</c> (with no key).
    /// </summary>
    private static IEnumerable<(IOperation? Key, IOperation Value)> InitializedEntries(IObjectOrCollectionInitializerOperation contents)
    {
        foreach (var element in contents.Initializers)
        {
            switch (element)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } indexed:
                    yield return (indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null, indexed.Value);
                    break;
                case IInvocationOperation { Arguments.Length: > 0 } add:
                    yield return (add.Arguments.Length == 2 ? add.Arguments[0].Value : null, add.Arguments[add.Arguments.Length - 1].Value);
                    break;
            }
        }
    }

    /// <summary>The keys a dictionary local is given: <c>d[key] = …</c>, <c>d.Add(key, …)</c>, <c>new() { [key] = … }</c>.</summary>
    private FlowResult DictionaryKeys(ILocalReferenceOperation dictionary, Frame frame, int depth)
    {
        var keys = new List<IOperation>();
        FlowResult? selected = null;
        foreach (var operation in WriteCandidates.GetValue(OperationTree.Root(dictionary), FindWriteCandidates))
        {
            switch (operation)
            {
                case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation target, Arguments.Length: 1 } indexer } when Same(target, dictionary.Local):
                    keys.Add(indexer.Arguments[0].Value);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Instance: ILocalReferenceOperation target, Arguments.Length: 2 } add when Same(target, dictionary.Local):
                    keys.Add(add.Arguments[0].Value);
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: IObjectCreationOperation { Initializer: { } contents } } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, dictionary.Local):
                    keys.AddRange(InitializedEntries(contents).Where(e => e.Key is not null).Select(e => e.Key!));
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, dictionary.Local)
                    && OperationTree.Unwrap(initial) is IInvocationOperation materialised && KeyedCollection(materialised, frame, depth, keysOnly: true) is { } fromSelector:
                    selected = selected is null ? fromSelector : FlowResult.Combine(selected, fromSelector);
                    break;
            }
        }
        if (keys.Count == 0)
        {
            return selected ?? FlowResult.Unknown;
        }
        var written = CombineAll(keys, frame, depth);
        return selected is null ? written : FlowResult.Combine(written, selected);
    }

    /// <summary>
    /// The dictionary whose entries a variable stands for: the collection of the <c>foreach</c> that
    /// declares it, or the source of the LINQ call whose lambda it is the parameter of, through calls
    /// that keep the entries as they are (<c>Where</c>, <c>OrderBy</c>, <c>Take</c>, <c>ToList</c>). Without
    /// <paramref name="throughFilters"/>, a filter ends the walk: it may be an allow list of keys.
    /// </summary>
    private static IOperation? EnumeratedDictionary(IOperation variable, bool throughFilters = true)
    {
        if (variable is ILocalReferenceOperation local)
        {
            return EnclosingForEach(local)?.Collection;
        }
        if (variable is IInvocationOperation { TargetMethod.Name: "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault"
            or "ElementAt" or "ElementAtOrDefault" or "MaxBy" or "MinBy" } picked && SourceOfQuery(picked) is { } pickedFrom)
        {
            // _worstEyes.OrderByDescending(e => e.Value).First().Key: one entry picked from the dictionary.
            return DictionaryBehind(pickedFrom, throughFilters);
        }
        if (variable is not IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } lambdaParameter)
        {
            return null;
        }
        var lambda = lambdaParameter.Parent;
        while (lambda is not null and not IAnonymousFunctionOperation)
        {
            lambda = lambda.Parent;
        }
        var call = lambda?.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation invocation } } ? invocation : null;
        return call is null || SourceOfQuery(call) is not { } source ? null : DictionaryBehind(source, throughFilters);
    }

    /// <summary>The dictionary a query's source is, through orderings, filters (when allowed) and copies; null when it is no dictionary.</summary>
    private static IOperation? DictionaryBehind(IOperation? source, bool throughFilters)
    {
        for (var step = 0; step < 16 && source is not null; step++)
        {
            var unwrapped = OperationTree.Unwrap(source);
            if (unwrapped is ILocalReferenceOperation copy && !IsDictionary(copy.Type)
                && LocalWrites(copy.Local, OperationTree.Root(copy)) is { Count: 1 } writes && writes[0].Element == -1)
            {
                // var top = _streaks.OrderByDescending(s => s.Value).Take(3).ToList(); top.Select(t => t.Key):
                // the entries of the dictionary the local was made from.
                source = writes[0].Value;
                continue;
            }
            if (unwrapped is not IInvocationOperation kept || kept.TargetMethod.Name is not ("Where" or "OrderBy" or "OrderByDescending"
                or "ThenBy" or "ThenByDescending" or "Take" or "Skip" or "TakeWhile" or "SkipWhile" or "Distinct" or "ToList" or "ToArray" or "AsEnumerable" or "Reverse"))
            {
                break;
            }
            if (!throughFilters && kept.TargetMethod.Name is "Where" or "TakeWhile" or "SkipWhile")
            {
                return null;
            }
            source = SourceOfQuery(kept);
        }
        return source is not null && IsDictionary(OperationTree.Unwrap(source).Type) ? source : null;
    }

    private static IOperation? SourceOfQuery(IInvocationOperation query) =>
        query.TargetMethod.ContainingType?.Name is "Enumerable" or "Queryable" ? ReceiverOf(query) : null;

    /// <summary>
    /// The keys of a dictionary held in a local or kept in a field or property of the compilation;
    /// <see langword="null"/> when the expression is neither.
    /// </summary>
    private FlowResult? DictionaryKeysOf(IOperation collection, Frame frame, int depth)
    {
        var unwrapped = OperationTree.Unwrap(collection);
        if (!IsDictionary(unwrapped.Type))
        {
            return null;
        }
        var written = unwrapped switch
        {
            ILocalReferenceOperation local => DictionaryKeys(local, frame, depth + 1),
            IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } kept when !kept.Member.DeclaringSyntaxReferences.IsEmpty
                => KeptDictionaryKeys(kept.Member, frame, depth + 1),
            _ => (FlowResult?)null,
        };
        // The name speaks only where the code does not: keys the code is seen to put in pseudonymised or
        // constant (perRider[pseudonymizer.Compute(…)] = …) stay what they are.
        return written is { Identifier: not null } or { Sanitized: true } or { Proven: true } or { Hash: not null }
            ? written
            : KeysNamedBy(unwrapped, frame.Options) ?? written;
    }

    /// <summary>
    /// The keys the code of a type puts into a dictionary it keeps in a field or property:
    /// <c>_memo[studentNumber] = grade</c>, <c>_gates.GetOrAdd(nhsNumber, …)</c>, <c>TryAdd</c>, <c>AddOrUpdate</c>.
    /// </summary>
    private FlowResult KeptDictionaryKeys(ISymbol dictionary, Frame frame, int depth) =>
        KeptDictionaryWrites(dictionary, "keys", KeyWrittenAt, frame, depth) is { } written ? FlowResult.Combine(FlowResult.Unknown, written) : FlowResult.Unknown;

    /// <summary>
    /// What the code of a type writes into a dictionary it keeps, at the part <paramref name="writtenAt"/>
    /// picks from each use of its name (the key or the value); null when no use writes it.
    /// </summary>
    private FlowResult? KeptDictionaryWrites(ISymbol dictionary, string part, System.Func<IdentifierNameSyntax, ExpressionSyntax?> writtenAt, Frame frame, int depth)
    {
        if (!frame.Active.Add((part, dictionary)))
        {
            return FlowResult.Unknown;
        }
        try
        {
            FlowResult? result = null;
            foreach (var declaration in dictionary.ContainingType.DeclaringSyntaxReferences)
            {
                var root = declaration.GetSyntax(frame.CancellationToken);
                foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (name.Identifier.ValueText != dictionary.Name || writtenAt(name) is not { } expression
                        || _index.OperationOf(expression, frame.CancellationToken) is not { } written)
                    {
                        continue;
                    }
                    var each = Evaluate(written, frame.For(_optionsFor(expression.SyntaxTree)), depth + 1).WithoutParameters();
                    result = result is { } earlier ? FlowResult.Combine(earlier, each) : each;
                }
            }
            return result;
        }
        finally
        {
            frame.Active.Remove((part, dictionary));
        }
    }

    /// <summary>The key expression where a name is indexed for a write or given to an adding call: <c>name[key] = …</c>, <c>name.TryAdd(key, …)</c>.</summary>
    private static ExpressionSyntax? KeyWrittenAt(IdentifierNameSyntax name) => EntryWrittenAt(name)?.Key;

    /// <summary>
    /// The entry written where a name is indexed for an assignment or given to an adding call:
    /// <c>name[key] = value</c>, <c>name.TryAdd(key, value)</c>, <c>name.GetOrAdd(key, …)</c>. Its value is
    /// null where the call or a compound assignment computes it from the existing entry.
    /// </summary>
    private static (ExpressionSyntax Key, ExpressionSyntax? Value)? EntryWrittenAt(IdentifierNameSyntax name)
    {
        SyntaxNode reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return reference.Parent switch
        {
            ElementAccessExpressionSyntax element when element.Expression == reference && element.ArgumentList.Arguments.Count == 1
                && element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element
                => (element.ArgumentList.Arguments[0].Expression, assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? assignment.Right : null),
            MemberAccessExpressionSyntax call when call.Expression == reference && call.Name.Identifier.ValueText is "Add" or "TryAdd" or "GetOrAdd" or "AddOrUpdate" or "TryUpdate"
                && call.Parent is InvocationExpressionSyntax invocation && invocation.ArgumentList.Arguments.Count >= 1
                => (invocation.ArgumentList.Arguments[0].Expression,
                    call.Name.Identifier.ValueText is "Add" or "TryAdd" && invocation.ArgumentList.Arguments.Count == 2 ? invocation.ArgumentList.Arguments[1].Expression : null),
            _ => null,
        };
    }

    /// <summary>
    /// <c>members.ToDictionary(m => m.Gamertag, m => m.Skill)</c>, <c>GroupBy(r => r.Mrn)</c>, <c>ToLookup</c>: a
    /// collection keyed by what its key selector returns, holding what its element selector returns (or
    /// the elements themselves). A dictionary logged whole prints its keys.
    /// </summary>
    private FlowResult? KeyedCollection(IInvocationOperation invocation, Frame frame, int depth, bool keysOnly = false)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("ToDictionary" or "ToLookup" or "GroupBy" or "ToFrozenDictionary" or "ToImmutableDictionary" or "ToSortedDictionary")
            || method.ContainingType?.Name is not ("Enumerable" or "Queryable" or "AsyncEnumerable" or "FrozenDictionary" or "ImmutableDictionary")
            || invocation.Arguments.Length < 2)
        {
            return null;
        }
        var selectors = invocation.Arguments.Skip(1).Select(a => AnonymousFunction(a.Value)).ToList();
        if (selectors[0] is null)
        {
            return null;
        }
        var result = FlowResult.Safe;
        // Without an element selector the elements are the values.
        var holdsElements = !keysOnly && (selectors.Count == 1 || selectors[1] is null);
        for (var i = 0; i < selectors.Count && (i == 0 || !keysOnly); i++)
        {
            if (selectors[i] is not { } selector)
            {
                continue;
            }
            if (GroupKeyRead(selector) && OperationTree.Unwrap(invocation.Arguments[0].Value) is IInvocationOperation grouping
                && KeyedCollection(grouping, frame, depth + 1, keysOnly: true) is { } groupKeys)
            {
                // GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, …): keyed by the grouping's keys, not by its elements.
                result = FlowResult.Combine(result, groupKeys);
                continue;
            }
            var returned = LambdaReturns(selector, frame, depth);
            // id => id, g => g.Key: the selector returns the element it was given.
            holdsElements |= returned.Identifier is null && ReturnsItsElement(returned, selector);
            result = FlowResult.Combine(result, returned);
        }
        if (holdsElements)
        {
            result = FlowResult.Combine(result, Evaluate(invocation.Arguments[0].Value, frame, depth + 1));
        }
        return Rewrapped(result, invocation);
    }

    /// <summary>The object a JSON serializer writes out: <c>JsonSerializer.Serialize(x)</c>, <c>JsonConvert.SerializeObject(x)</c>.</summary>
    private static IOperation? SerializedObject(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var serializer = method.Name is "Serialize" or "SerializeToUtf8Bytes" && method.ContainingType is { Name: "JsonSerializer" } type
                && type.ContainingNamespace?.ToDisplayString() == "System.Text.Json"
            || method.Name == "SerializeObject" && method.ContainingType is { Name: "JsonConvert" } newtonsoft
                && newtonsoft.ContainingNamespace?.ToDisplayString() == "Newtonsoft.Json";
        return serializer && invocation.Arguments.Length > 0 ? OperationTree.Unwrap(invocation.Arguments[0].Value) : null;
    }

    private static IAnonymousFunctionOperation? AnonymousFunction(IOperation value) => OperationTree.Unwrap(value) switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation target } => target,
        IAnonymousFunctionOperation anonymous => anonymous,
        _ => null,
    };

    /// <summary><c>builder.Append("a").Append(id)</c> appends to <c>builder</c>: the receiver under a fluent chain.</summary>
    private static IOperation ChainRoot(IOperation receiver)
    {
        var current = OperationTree.Unwrap(receiver);
        while (current is IInvocationOperation { Instance: { } inner } call && CollectionMutators.Contains(call.TargetMethod.Name))
        {
            current = OperationTree.Unwrap(inner);
        }
        return current;
    }

    private static bool Same(ILocalReferenceOperation reference, ILocalSymbol local) => SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static bool ReferencesLocal(IOperation value, ILocalSymbol local) => OperationTree.Unwrap(value) switch
    {
        ILocalReferenceOperation reference => Same(reference, local),
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => Same(declared, local),
        _ => false,
    };

    /// <summary>The position of a local in a deconstruction target <c>var (id, count) = …</c>.</summary>
    private static int? ElementOf(IOperation target, ILocalSymbol local) =>
        ElementOf(target, element => ReferencesLocal(element, local));

    /// <summary>The position of an out parameter in a deconstruction target <c>(kind, serial) = …</c>.</summary>
    private static int? ElementOf(IOperation target, IParameterSymbol parameter) =>
        ElementOf(target, element => OperationTree.Unwrap(element) is IParameterReferenceOperation reference
            && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter.OriginalDefinition));

    private static int? ElementOf(IOperation target, Func<IOperation, bool> isTheOne)
    {
        var tuple = OperationTree.Unwrap(target) switch
        {
            IDeclarationExpressionOperation { Expression: ITupleOperation declared } => declared,
            ITupleOperation plain => plain,
            _ => null,
        };
        if (tuple is null)
        {
            return null;
        }
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            if (isTheOne(tuple.Elements[i]))
            {
                return i;
            }
        }
        return null;
    }

    private FlowResult TupleElement(IOperation value, int element, Frame frame, int depth)
    {
        if (element == 0 && IsForEachCollection(value) && DictionaryKeysOf(PairsSource(OperationTree.Unwrap(value)), frame, depth) is { } keys)
        {
            // foreach (var (card, fare) in _chargedToday): card is one of the keys the dictionary was given.
            return keys;
        }
        if (element == 1 && IsForEachCollection(value) && DictionaryValuesOf(value, frame, depth) is { } values)
        {
            return values;
        }
        switch (OperationTree.Unwrap(value))
        {
            case ITupleOperation tuple when element < tuple.Elements.Length:
                return Evaluate(tuple.Elements[element], frame, depth + 1);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return FlowResult.Combine(TupleElement(conditional.WhenTrue, element, frame, depth + 1), TupleElement(whenFalse, element, frame, depth + 1));
            case IAwaitOperation { Operation: IInvocationOperation awaited } when HasSource(awaited.TargetMethod):
                return CallSummary(awaited, Returns(awaited.TargetMethod, element, frame, depth), frame, depth);
            case IInvocationOperation invocation when HasSource(invocation.TargetMethod):
                return CallSummary(invocation, Returns(invocation.TargetMethod, element, frame, depth), frame, depth);
            case var deconstructed when !(deconstructed.Type?.IsTupleType ?? true) && DeconstructedMember(deconstructed.Type!, element) is { } member:
                // var (number, name, _, _, yearGroup) = learner: yearGroup is learner.YearGroup, not the learner.
                return CarriesIdentifier(member.Type) && IsIdentifierSymbol(member, frame.Options, out var domain)
                    ? Found(value, domain, $"{Describe(value)}.{member.Name}")
                    : FlowResult.Unknown;
            default:
                return Evaluate(value, frame, depth + 1);
        }
    }

    /// <summary>
    /// The property a type's <c>Deconstruct</c> hands out in a position: a positional record's, or
    /// one of a hand-written <c>Deconstruct</c> whose parameter names a property.
    /// </summary>
    private static IPropertySymbol? DeconstructedMember(ITypeSymbol type, int position)
    {
        foreach (var deconstruct in type.GetMembers("Deconstruct").OfType<IMethodSymbol>())
        {
            if (position < deconstruct.Parameters.Length && deconstruct.Parameters[position].RefKind == RefKind.Out)
            {
                var name = deconstruct.Parameters[position].Name;
                return type.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            }
        }
        return null;
    }

    /// <summary><c>TryGetPatient(key, out var id)</c>: what the method assigns to that out parameter.</summary>
    private FlowResult OutArgument(IArgumentOperation argument, Frame frame, int depth)
    {
        if (argument.Parent is not IInvocationOperation invocation || argument.Parameter is not { } parameter)
        {
            return FlowResult.Unknown;
        }
        if (parameter.RefKind == RefKind.None)
        {
            // serial.AsSpan().TryCopyTo(buffer): the buffer holds the source; HashData(key, data, mac): what the call computes.
            return invocation.TargetMethod.Name is "CopyTo" or "TryCopyTo" && ReceiverOf(invocation) is { } source
                ? Evaluate(source, frame, depth + 1)
                : Evaluate(invocation, frame, depth + 1);
        }
        if (OutReadsIdentifierKey(invocation, argument, frame.Options, out var keyDomain))
        {
            return Found(argument.Value, keyDomain);
        }
        if (invocation.TargetMethod.Name == "TryGetValue" && ReceiverOf(invocation) is { } bag
            && ArgumentsAfterReceiver(invocation).FirstOrDefault(a => a != argument) is { } bagKey
            && KeptUnderKey(bag, bagKey.Value, frame, depth) is { } kept)
        {
            // items.TryGetValue(PatientKeys.Ref, out var reference): what the source stores under that key.
            return kept;
        }
        if (IsDictionary(invocation.Instance?.Type) || LookupMethods.Contains(invocation.TargetMethod.Name))
        {
            return FlowResult.Unknown;
        }
        if (!HasSource(invocation.TargetMethod))
        {
            // int.TryParse(patientNumber, out var n): the parsed number is the identifier.
            return invocation.TargetMethod.Name is "TryParse" or "TryFormat" ? CombineAll(invocation.Arguments.Where(a => a != argument).Select(a => a.Value), frame, depth) : FlowResult.Unknown;
        }
        var key = (object)parameter.OriginalDefinition;
        if (!frame.Active.Add(key))
        {
            return FlowResult.Unknown;
        }
        try
        {
            var result = FlowResult.Safe;
            var any = false;
            foreach (var body in Bodies(invocation.TargetMethod, frame.CancellationToken))
            {
                var callee = frame.For(_optionsFor(body.Syntax.SyntaxTree));
                foreach (var assignment in OperationTree.Descendants(body).OfType<IAssignmentOperation>())
                {
                    if (assignment is ISimpleAssignmentOperation && OperationTree.Unwrap(assignment.Target) is IParameterReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Parameter.OriginalDefinition, parameter.OriginalDefinition))
                    {
                        any = true;
                        result = FlowResult.Combine(result, Evaluate(assignment.Value, callee, depth + 1));
                    }
                    else if (assignment is IDeconstructionAssignmentOperation deconstruction && ElementOf(deconstruction.Target, parameter) is { } position
                        && invocation.TargetMethod.Name.IndexOf(parameter.Name, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        // TryParseSerial(raw, out serial, out manufacturer) with (manufacturer, serial) = (parts[0], parts[1]):
                        // the part the parser names is the value parsed; the others are about it.
                        any = true;
                        result = FlowResult.Combine(result, TupleElement(deconstruction.Value, position, callee, depth + 1));
                    }
                }
            }
            return any ? CallSummary(invocation, result, frame, depth) : FlowResult.Unknown;
        }
        finally
        {
            frame.Active.Remove(key);
        }
    }

    private static bool IsForEachCollection(IOperation write) => write.Parent is IForEachLoopOperation loop && loop.Collection == write;

    private FlowResult EvaluateInvocation(IInvocationOperation invocation, Frame frame, int depth)
    {
        var method = invocation.TargetMethod;
        if (IsSanitizer(invocation, frame.Options, frame.CancellationToken))
        {
            return FlowResult.Pseudonymised;
        }
        if (method is { Name: "ToString", IsStatic: false } && invocation.Instance is { } pseudonym && _known.IsPseudonym(pseudonym.Type))
        {
            // A pseudonym's text is its Value: as good as the pseudonym it prints.
            return Evaluate(pseudonym, frame, depth + 1);
        }
        if (ReadsPersonalClaim(invocation, frame.Options))
        {
            return Found(invocation, "user");
        }
        if (KeyAllowListFilter(invocation, frame, depth) is { } allowListed)
        {
            // properties.Where(p => TelemetrySafe.Contains(p.Key)): only the entries an allow list names.
            return allowListed;
        }
        if ((RoundedCoordinate(invocation, frame, depth) ?? PositionCall(invocation, frame, depth) ?? GeohashOf(invocation, frame, depth)) is { } place)
        {
            return place;
        }
        if (SignedResourceLink(invocation, frame, depth) is { } signed)
        {
            return signed;
        }
        if (IncomingRequestUrl(invocation, frame) is { } served)
        {
            return served;
        }
        if (ValidationMessageValue(invocation, frame) is { } validationMessages)
        {
            return validationMessages;
        }
        if (method is { Name: "GetString" or "GetHtml", IsExtensionMethod: true, Parameters.Length: > 1 } && IsLocalizerType(method.Parameters[0].Type as INamedTypeSymbol))
        {
            // localizer.GetString("Greeting", name): the indexer's formatting, spelt as a call.
            return Rewrapped(CombineAll(invocation.Arguments.Where(a => a.Parameter?.Ordinal > 1).Select(a => a.Value), frame, depth), invocation);
        }
        if (method.Name.StartsWith("Get", StringComparison.Ordinal) && invocation.Instance is { } reader && invocation.Arguments.Length == 1
            && ColumnByPosition(invocation, reader, invocation.Arguments[0].Value, frame) is { } column)
        {
            return column;
        }
        if (CallReadsIdentifierKey(invocation, frame.Options, out var keyDomain) || IsGrainIdentity(invocation, frame.Options, out keyDomain))
        {
            return Found(invocation, keyDomain);
        }
        if (method.Name is "GetValues" && IsHeaderCollection(method.ContainingType) && invocation.Arguments.Length == 1
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string })
        {
            // request.Headers.GetValues("Shop-Delivery"): one header, judged by its name, not every header sent.
            return IsIdentifierKey(invocation.Arguments[0].Value, frame.Options, out var headerDomain) ? Found(invocation, headerDomain) : FlowResult.Unknown;
        }
        if (ReflectedObject(invocation) is { } reflected)
        {
            return Rewrapped(ReflectedMembers(reflected, frame, depth), invocation);
        }
        if (method.Name is "GetExtension" or "HasExtension" or "GetPathRoot" && method.ContainingType is { Name: "Path", ContainingNamespace: { Name: "IO", ContainingNamespace.Name: "System" } })
        {
            // Path.GetExtension(upload.FileName): the kind of file, not the name a person gave it.
            return FlowResult.Safe;
        }
        if (method.Name == "Create" && invocation.Arguments.Length == 2 && KnownSymbols.Is(method.ContainingType, _known.KeyValuePairStatic))
        {
            return Rewrapped(Evaluate(PairValue(invocation.Arguments), frame, depth + 1), invocation);
        }
        if (UnkeyedHashInput(invocation, frame, out var hashInput))
        {
            return Hashed(invocation, method, hashInput, frame, depth);
        }
        if (method.IsStatic && method.Name == "Custom" && invocation.Arguments.Length == 1 && IsGenerated(method))
        {
            // An open enum's Custom("…") value goes on the wire as the text it was given.
            return Rewrapped(Evaluate(invocation.Arguments[0].Value, frame, depth + 1), invocation);
        }
        if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is { } target)
        {
            // Echo(meterSerial) of Func<string, string> Echo = s => s.Trim(): what the lambdas return, with
            // what they build from their parameters taken from the arguments of this call.
            var returned = DelegateReturns(target, frame, depth);
            var fromArguments = FlowResult.Safe;
            foreach (var parameter in returned.Parameters)
            {
                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod }
                    && parameter.Ordinal < invocation.Arguments.Length)
                {
                    fromArguments = FlowResult.Combine(fromArguments, Evaluate(invocation.Arguments[parameter.Ordinal].Value, frame, depth + 1));
                }
            }
            return Rewrapped(FlowResult.Combine(returned.WithoutParameters(), fromArguments), invocation);
        }
        // Only for text and numbers: an object a repository returns is judged by its type wherever it is sent.
        if (HasSource(method) && !IsGenerated(method) && IsOverridable(method) && CarriesIdentifier(Awaited(method.ReturnType)) && ImplementedReturns(method, frame, depth) is { } implemented)
        {
            // A service called through its interface, or a base class calling its virtual method: what
            // every implementation or override in the source returns. Their parameters are not the
            // called method's, so only what they return of their own counts.
            if (implemented.Identifier is not null || IsPseudonymised(implemented))
            {
                return CallSummary(invocation, implemented, frame, depth);
            }
        }
        else if (HasSource(method) && !IsGenerated(method) && method.IsAbstract && Awaited(method.ReturnType).SpecialType == SpecialType.System_String
            && EncodesItsArguments(method))
        {
            // signer.Sign(ticketId, candidateNumber, …) of a service with no implementation in the source: a
            // signed, encoded, rendered or translated payload carries what it was given (a compact JWS's claims
            // are base64url anyone can read).
            return Rewrapped(CombineAll(invocation.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).Select(a => a.Value), frame, depth), invocation);
        }
        if (HasSource(method) && !IsGenerated(method) && ChosenByConstant(invocation, frame.CancellationToken) is { } chosen)
        {
            // card.ToString("L4", culture): only what that format returns.
            return CallSummary(invocation, Evaluate(chosen, frame, depth + 1), frame, depth);
        }
        if (HasSource(method) && !IsGenerated(method))
        {
            var summary = Returns(method, -1, frame, depth);
            if (summary.Identifier is null && summary.Hash is null && summary.Sanitized && summary.Parameters.IsEmpty)
            {
                return FlowResult.Pseudonymised;
            }
            if (summary.Identifier is null && summary.Hash is { } hash && !summary.Sanitized)
            {
                // A helper that only wraps an unkeyed hash (the seed's hashID) is an unkeyed hash.
                return Hashed(invocation, method, invocation.Arguments.FirstOrDefault()?.Value, frame, depth);
            }
            var called = CallSummary(invocation, summary, frame, depth);
            if (called.Identifier is not null || called.Hash is not null || called.Sanitized || called.Proven)
            {
                return called;
            }
            if (method.Name == "ToString" && method.Parameters.IsEmpty && invocation.Instance?.Type is INamedTypeSymbol { IsGenericType: true } wrapper
                && PrintedTypeArgument(wrapper, method, frame) is { } wrapped)
            {
                // result.ToString() of a Result<Enrolment, Refusal> that prints the value it holds.
                return Found(invocation, wrapped.Domain, $"{Describe(invocation)} (prints {wrapped.Origin})");
            }
        }

        // ip.Split('.').Take(2): the first two octets, the /16 network an address is in, not the address.
        if (LeadingOctetsOf(invocation) is { } address && Evaluate(address, frame, depth + 1) is var octetsOf
            && octetsOf.Identifier is { Domain: "ip" or "client.address" })
        {
            return FlowResult.Unknown;
        }
        // A few characters cut out with a constant length (isrn.Substring(6, 4), the issuer's part) are
        // about the value, as a slice of them is.
        if (FewCharactersTakenFrom(invocation) is { } cutFrom)
        {
            return FewCharactersOf(Evaluate(cutFrom, frame, depth + 1), invocation);
        }
        // The mail domain cut from an address is about the provider, not the person.
        if (IsEmailDomainSubstring(invocation)
            || (invocation.TargetMethod.Name is "Last" or "LastOrDefault" && invocation.Arguments.Length == 1
                && OperationTree.Unwrap(invocation.Arguments[0].Value) is IInvocationOperation { TargetMethod.Name: "Split" } split
                && split.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: '@' or "@" })))
        {
            return FlowResult.Unknown;
        }
        if (MasksEveryCharacter(invocation, frame))
        {
            // Regex.Replace(message.Text, @"\w", "*"): only the text's shape is left.
            return FlowResult.Safe;
        }
        if (MasksLiteralsOfAddressOrQuery(invocation, frame))
        {
            // Numbers.Replace(path, "/{n}"), NumberLiteral.Replace(sql, "?"): the values put in a route or a
            // statement are what such a normaliser takes out.
            return FlowResult.Unknown;
        }
        if (InsertedText(invocation) is { } inserted && invocation.Instance is { } into)
        {
            // template.Replace("{{name}}", name), text.Insert(0, name): the text with the value put in.
            return Rewrapped(FlowResult.Combine(Evaluate(into, frame, depth + 1), Evaluate(inserted, frame, depth + 1)), invocation);
        }
        if (UnaryInput(invocation) is { } unary)
        {
            var inner = Evaluate(unary, frame, depth + 1);
            return new FlowResult(
                inner.Identifier?.WithWrapTarget(invocation),
                inner.Hash is { } hash && OperationTree.Unwrap(hash.ReplaceTarget) == OperationTree.Unwrap(unary) ? hash.WithReplaceTarget(invocation) : inner.Hash,
                inner.Proven && (invocation.Instance is null || invocation.Arguments.All(a => a.Value.ConstantValue.HasValue || a.Value == unary || a.ArgumentKind == ArgumentKind.DefaultValue)),
                inner.Sanitized,
                inner.Parameters);
        }
        if (invocation.TargetMethod is { Name: "Select", ContainingType.Name: "Enumerable" or "Queryable" } && invocation.Arguments.Length == 2
            && ElementType(invocation.TargetMethod.ReturnType) is { IsAnonymousType: true }
            && AnonymousFunction(invocation.Arguments[1].Value) is { } shape)
        {
            // members.Select(m => new { m.Email, m.Tier }) logged or destructured: each element is such an object.
            return Rewrapped(LambdaReturns(shape, frame, depth).WithoutParameters(), invocation);
        }
        if (KeepsElements(invocation) is { } kept)
        {
            // groups.Where(g => …).OrderBy(…): the same groups, so g.Key after them is still what they were grouped by.
            return Rewrapped(Evaluate(kept, frame, depth + 1), invocation);
        }
        if (KeyedCollection(invocation, frame, depth) is { } keyed)
        {
            return keyed;
        }
        if (SerializedObject(invocation) is { } serialized && serialized.Type is { } serializedType && !IsScalar(serializedType))
        {
            // JsonSerializer.Serialize(report): every public member is written out, as a destructured log value is.
            if (ObjectIdentifier(serialized, frame, serialized: true, visited: null, depth + 1) is { } member)
            {
                return Found(invocation, member.Domain, $"{Describe(serialized)} (its member {member.Origin})");
            }
            // Written member by member: what its ToString or a record's printing shows is not written.
            var written = Evaluate(serialized, frame, depth + 1, printed: false);
            // A type of the source whose written members hold no identifier is shown to be about the
            // person, whatever key it is sent under (its [JsonIgnore] contact details are not written).
            return written.Identifier is null && written.Hash is null && !serializedType.DeclaringSyntaxReferences.IsEmpty
                ? new FlowResult(null, null, proven: true, written.Sanitized, written.Parameters)
                : written;
        }
        if (PassesThrough(invocation))
        {
            var parts = new List<IOperation>();
            if (invocation.Instance is { } instance && !method.IsStatic)
            {
                parts.Add(instance);
            }
            var projectionSource = ProjectionSourceLeftOut(invocation, frame, depth);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument == projectionSource)
                {
                    continue;
                }
                if (argument.ArgumentKind == ArgumentKind.ParamArray || argument.ArgumentKind.ToString() == "ParamCollection")
                {
                    parts.AddRange(ParamsElements(argument.Value));
                }
                else
                {
                    parts.Add(argument.Value);
                }
            }
            var combined = FlowResult.Safe;
            foreach (var part in parts)
            {
                var unwrapped = OperationTree.Unwrap(part);
                combined = FlowResult.Combine(combined, unwrapped is IDelegateCreationOperation or IAnonymousFunctionOperation
                    ? LambdaReturns(unwrapped, frame, depth)
                    : Evaluate(part, frame, depth + 1));
                if (combined.Identifier is null && JoinsElements(method) && unwrapped.Type is { } joined && !IsScalar(joined)
                    && ElementType(joined) is { } element && !IsScalar(element) && PrintedIdentifier(element, frame) is { } printedElement)
                {
                    // string.Join("; ", tickets): each element is written with its ToString, a record's with its members.
                    combined = FlowResult.Combine(combined, Found(part, printedElement.Domain, $"{Describe(part)} (its elements' member {printedElement.Origin})"));
                }
            }
            if (!IsPureTextFunction(method))
            {
                // Environment.GetEnvironmentVariable("X") reads data: constants in, unknown out.
                combined = FlowResult.Combine(combined, FlowResult.Unknown);
            }
            // string.Format("{0}", id) is fixed where id sits; string.Join(",", ids) only as a whole.
            return combined.Identifier is { } identifier && !IsScalar(identifier.WrapTarget.Type)
                ? Rewrapped(combined, invocation)
                : combined;
        }
        // GetPatientId(), customer.GetEmail(): the method's name says what it returns.
        var nameWords = NameWords.Split(StripAsync(method.Name));
        if (CarriesIdentifier(method.ReturnType) && frame.Options.IsIdentifierName(nameWords, out var domain)
            && (!IsDate(method.ReturnType) || IsBirthDateName(nameWords)))
        {
            return Found(invocation, domain);
        }
        return FlowResult.Unknown;
    }

    private static string StripAsync(string name) =>
        name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5 ? name.Substring(0, name.Length - 5) : name;

    /// <summary>
    /// The text a few characters are cut from: <c>isrn.Substring(6, 4)</c>, <c>pan.AsSpan(0, 6)</c> (a
    /// constant count of at most six characters); <c>pan.AsSpan(pan.Length - 4)</c>,
    /// <c>phone.Substring(phone.Length - 3)</c> (the last few). Null for any other call.
    /// </summary>
    private static IOperation? FewCharactersTakenFrom(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Substring" or "AsSpan" or "Slice"))
        {
            return null;
        }
        // AsSpan is an extension: its text is the first argument.
        var extension = invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0;
        var text = extension ? invocation.Arguments[0].Value : invocation.Instance;
        var arguments = extension ? invocation.Arguments.Skip(1).ToList() : invocation.Arguments.ToList();
        if (text?.Type is not { } textType || !(textType.SpecialType == SpecialType.System_String || IsCharSpan(textType)))
        {
            return null;
        }
        var few = arguments.Count == 2
            ? arguments[1].Value.ConstantValue is { HasValue: true, Value: int length and <= 6 }
            : arguments.Count == 1
                && OperationTree.Unwrap(arguments[0].Value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, RightOperand.ConstantValue: { HasValue: true, Value: int last and <= 6 } } fromEnd
                && OperationTree.Unwrap(fromEnd.LeftOperand) is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } measured }
                && ReferencedSymbol(OperationTree.Unwrap(measured)) is { } measuredSymbol && ReferencedSymbol(OperationTree.Unwrap(text)) is { } textSymbol
                && SymbolEqualityComparer.Default.Equals(measuredSymbol, textSymbol);
        return few ? text : null;
    }

    /// <summary>
    /// The text split when at most two of its dot- or colon-separated parts are taken
    /// (<c>ip.Split('.').Take(2)</c>, <c>ip.Split('.')[..2]</c>), the network part of an address.
    /// </summary>
    private static IOperation? LeadingOctetsOf(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name != "Take" || invocation.Arguments.Length != 2
            || invocation.Arguments[1].Value.ConstantValue is not { HasValue: true, Value: int count and >= 1 and <= 2 }
            || OperationTree.Unwrap(invocation.Arguments[0].Value) is not IInvocationOperation { TargetMethod.Name: "Split", Instance: { } split } splitCall
            || !splitCall.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: '.' or ':' or "." or ":" }))
        {
            return null;
        }
        return split;
    }

    /// <summary><c>email.Substring(email.IndexOf('@') + 1)</c> is the mail domain.</summary>
    private static bool IsEmailDomainSubstring(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "Substring" or "AsSpan" or "Slice"
        && ArgumentsAfterReceiver(invocation).FirstOrDefault() is { } start
        && OperationTree.Descendants(start.Value).OfType<IBinaryOperation>()
            .Any(b => b.OperatorKind == BinaryOperatorKind.Add && (IsAtSignPosition(b.LeftOperand) || IsAtSignPosition(b.RightOperand)));

    /// <summary><c>email.IndexOf('@')</c>, directly or through a local it was stored in (<c>var at = email.IndexOf('@')</c>).</summary>
    private static bool IsAtSignPosition(IOperation operation)
    {
        var unwrapped = OperationTree.Unwrap(operation);
        if (unwrapped is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            return writes.Count == 1 && writes[0].Element < 0 && writes[0].Value is not IArgumentOperation && IsAtSignPosition(writes[0].Value);
        }
        return unwrapped is IInvocationOperation { TargetMethod.Name: "IndexOf" or "LastIndexOf" } search
            && search.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: '@' or "@" });
    }

    /// <summary>Completes a method's summary at a call: its own finding, and the arguments for the parameters it forwards.</summary>
    private FlowResult CallSummary(IInvocationOperation invocation, FlowResult summary, Frame frame, int depth)
    {
        var result = summary.Identifier is { } identifier
            ? new FlowResult(new IdentifierFinding($"{Describe(invocation)} (returns {identifier.Origin})", identifier.Domain, invocation), summary.Hash, proven: false, summary.Sanitized)
            : new FlowResult(null, summary.Hash, summary.Proven, summary.Sanitized);
        foreach (var parameter in summary.Parameters)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } p && SymbolEqualityComparer.Default.Equals(p.OriginalDefinition, parameter.OriginalDefinition) && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    var value = argument.ArgumentKind == ArgumentKind.ParamArray ? CombineAll(ParamsElements(argument.Value), frame, depth) : Evaluate(argument.Value, frame, depth + 1);
                    result = FlowResult.Combine(result, value);
                }
            }
            if (parameter.IsThis || (invocation.Instance is { } instance && parameter.Ordinal < 0))
            {
                result = FlowResult.Combine(result, Evaluate(invocation.Instance!, frame, depth + 1));
            }
        }
        if (summary.Parameters.IsEmpty && summary.Identifier is null && !summary.Proven)
        {
            return FlowResult.Combine(result, FlowResult.Unknown);
        }
        return result;
    }

    [ThreadStatic]
    private static HashSet<IMethodSymbol>? s_forwardingUnderWay;

    /// <summary>How many helpers deep a call is followed to see whether it forwards a parameter to telemetry.</summary>
    private const int MaxForwardingCalls = 3;

    /// <summary>The depth an answer needed when it met the depth limit: it holds for its own depth only.</summary>
    private const int UnboundedDepth = int.MaxValue;

    /// <summary>The largest depth the callees of the forwarding summary under way on this thread needed.</summary>
    [ThreadStatic]
    private static int s_forwardingNeeded;

    /// <summary>
    /// Forwarding helpers are small (this is about a hundred lines): a longer method's own sites are
    /// judged where they are, and its body is not bound for its callers.
    /// </summary>
    private const int MaxForwardingBody = 4000;

    /// <summary>What a method returns (or one element of the tuple it returns), from its source, once per compilation.</summary>
    private static ITypeSymbol Awaited(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task ? task.TypeArguments[0] : type;

    /// <summary>
    /// A method whose body is chosen at run time among others in the source: an interface's or an
    /// abstract method, or a virtual one (not the object members every type overrides).
    /// </summary>
    private static bool IsOverridable(IMethodSymbol method) =>
        method.IsAbstract
        || ((method.IsVirtual || method.IsOverride) && !method.IsSealed && method.ContainingType is { IsSealed: false }
            && method.Name is not ("ToString" or "GetHashCode" or "Equals"));

    /// <summary>A method named for writing its arguments into one payload: <c>Sign</c>, <c>EncodePayload</c>, <c>Serialize</c>, <c>Render</c>.</summary>
    private static bool EncodesItsArguments(IMethodSymbol method)
    {
        var words = NameWords.Split(StripAsync(method.Name));
        // A translation, a transliteration or a summary says what it was given in other words.
        return words.Count > 0 && words[0] is "sign" or "encode" or "serialize" or "serialise" or "render" or "compose" or "pack"
            or "translate" or "transliterate" or "summarize" or "summarise" or "paraphrase" or "rephrase";
    }

    /// <summary>What the source's implementations of an abstract or interface method return, or null when it has none.</summary>
    private FlowResult? ImplementedReturns(IMethodSymbol method, Frame frame, int depth)
    {
        FlowResult? combined = null;
        var allPseudonymised = true;
        foreach (var implementation in _index.ImplementationsOf(method.OriginalDefinition, frame.CancellationToken))
        {
            var returned = Returns(implementation, -1, frame, depth);
            allPseudonymised &= returned.Identifier is null && returned.Hash is null && returned.Sanitized;
            combined = combined is null ? returned : FlowResult.Combine(combined, returned);
        }
        // A pseudonym only when every implementation returns one.
        return combined is null ? null : allPseudonymised ? FlowResult.Pseudonymised : new FlowResult(combined.Identifier, combined.Hash, combined.Proven);
    }

    private FlowResult Returns(IMethodSymbol method, int element, Frame frame, int depth)
    {
        method = method.ReducedFrom ?? method;
        var key = (method.OriginalDefinition, element);
        if (_returns.TryGetValue(key, out var cached))
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
            var any = false;
            foreach (var body in Bodies(method, frame.CancellationToken))
            {
                var callee = frame.For(_optionsFor(body.Syntax.SyntaxTree));
                foreach (var returned in ReturnedValues(body))
                {
                    any = true;
                    result = FlowResult.Combine(result, element >= 0 ? TupleElement(returned, element, callee, depth + 1) : Evaluate(returned, callee, depth + 1));
                }
            }
            if (!any)
            {
                result = FlowResult.Unknown;
            }
            return _returns.GetOrAdd(key, result);
        }
        finally
        {
            frame.Active.Remove(key);
        }
    }

    private FlowResult DelegateReturns(IOperation target, Frame frame, int depth)
    {
        var operation = OperationTree.Unwrap(target);
        if (operation is IDelegateCreationOperation or IAnonymousFunctionOperation)
        {
            return LambdaReturns(operation, frame, depth);
        }
        if (operation is ILocalReferenceOperation local && frame.Visited.Add(local.Local))
        {
            var result = FlowResult.Safe;
            foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
            {
                result = FlowResult.Combine(result, DelegateReturns(write, frame, depth + 1));
            }
            return result;
        }
        if (operation is IMethodReferenceOperation reference && HasSource(reference.Method))
        {
            return Returns(reference.Method, -1, frame, depth).WithoutParameters();
        }
        if (operation is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member && !member.Member.DeclaringSyntaxReferences.IsEmpty
            && frame.Active.Add(("delegate", member.Member.OriginalDefinition)))
        {
            // static readonly Func<Member, string> PrimaryContact = m => m.Email: what the lambdas it is given return.
            try
            {
                var result = FlowResult.Safe;
                foreach (var write in _index.WritesOf(member.Member, frame.CancellationToken))
                {
                    result = FlowResult.Combine(result, DelegateReturns(write, frame.For(_optionsFor(write.Syntax.SyntaxTree)), depth + 1));
                }
                return result;
            }
            finally
            {
                frame.Active.Remove(("delegate", member.Member.OriginalDefinition));
            }
        }
        return FlowResult.Unknown;
    }

    /// <summary>
    /// The source of <c>ids.Select(id => routes[id].RouteId)</c> when the selector returns nothing
    /// built from the element it is given: the projection holds only what the selector returns.
    /// </summary>
    private IArgumentOperation? ProjectionSourceLeftOut(IInvocationOperation invocation, Frame frame, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("Select" or "SelectMany") || method.ContainingType?.Name is not ("Enumerable" or "Queryable" or "AsyncEnumerable")
            || invocation.Arguments.Length != 2)
        {
            return null;
        }
        if (OperationTree.Unwrap(invocation.Arguments[1].Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var projection } })
        {
            // failing.Select(pseudonymizer.ComputeStudentId), recipients.Select(MailDomain): a method group holds
            // its element only when what it returns is built from its parameter.
            if (IsSanitizerMethod(projection, frame.Options))
            {
                return invocation.Arguments[0];
            }
            if (!HasSource(projection) || projection.Parameters.Length != 1)
            {
                return null;
            }
            var returned = Returns(projection, -1, frame, depth);
            return returned.Parameters.Any(p => p.Ordinal == 0 && SymbolEqualityComparer.Default.Equals(p.ContainingSymbol.OriginalDefinition, projection.OriginalDefinition))
                ? null
                : invocation.Arguments[0];
        }
        var selector = AnonymousFunction(invocation.Arguments[1].Value);
        if (selector is null)
        {
            return null;
        }
        return ReturnsItsElement(LambdaReturns(selector, frame, depth), selector) ? null : invocation.Arguments[0];
    }

    /// <summary><c>g => g.Key</c> over groupings: the lambda returns the key of the group it is given.</summary>
    private static bool GroupKeyRead(IAnonymousFunctionOperation selector) =>
        selector.Symbol.Parameters.Length == 1 && selector.Symbol.Parameters[0].Type is INamedTypeSymbol { Name: "IGrouping" }
        && selector.Body.Operations.Length == 1 && selector.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
        && OperationTree.Unwrap(returned) is IPropertyReferenceOperation { Property.Name: "Key", Instance: IParameterReferenceOperation };

    /// <summary>Whether what a selector returns is built from the element it is given (<c>x => x.Trim()</c>, <c>g => g.Key</c>).</summary>
    private static bool ReturnsItsElement(FlowResult returned, IAnonymousFunctionOperation selector) =>
        returned.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, selector.Symbol));

    /// <summary><c>x => x.StudentId</c> in <c>Select</c>: what the lambda returns.</summary>
    private FlowResult LambdaReturns(IOperation lambda, Frame frame, int depth)
    {
        var function = AnonymousFunction(lambda);
        if (lambda is IDelegateCreationOperation { Target: IMethodReferenceOperation sanitizer } && IsSanitizerMethod(sanitizer.Method, frame.Options))
        {
            return FlowResult.Pseudonymised;
        }
        if (lambda is IDelegateCreationOperation { Target: IMethodReferenceOperation reference } && HasSource(reference.Method))
        {
            return Returns(reference.Method, -1, frame, depth).WithoutParameters();
        }
        if (function is null)
        {
            return FlowResult.Unknown;
        }
        var result = FlowResult.Safe;
        foreach (var returned in ReturnedValues(function.Body))
        {
            result = FlowResult.Combine(result, Evaluate(returned, frame, depth + 1));
        }
        return result;
    }

    /// <summary>The bodies of a method, local function or accessor, as operations.</summary>
    private IEnumerable<IOperation> Bodies(IMethodSymbol method, CancellationToken cancellationToken, int maxLength = int.MaxValue)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            // Measured on the text, before binding: binding a long body costs more than judging it.
            if (reference.Span.Length > maxLength)
            {
                continue;
            }
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is MethodDeclarationSyntax { Body: null, ExpressionBody: null })
            {
                continue;
            }
            if (_index.OperationOf(syntax, cancellationToken) is { } operation)
            {
                yield return operation is ILocalFunctionOperation local ? (IOperation?)local.Body ?? local : operation;
            }
        }
    }

    /// <summary>The values a body returns, leaving out those of nested lambdas and local functions.</summary>
    private static IEnumerable<IOperation> ReturnedValues(IOperation body)
    {
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is IReturnOperation { ReturnedValue: { } value })
            {
                yield return value;
                continue;
            }
            foreach (var child in current.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }
                stack.Push(child);
            }
        }
    }

    private static bool IsReflectedName(INamedTypeSymbol? type) =>
        IsOrDerivesFrom(type, t => (t.Name is "MemberInfo" or "ParameterInfo" && t.ContainingNamespace?.ToDisplayString() == "System.Reflection")
            || (t.Name is "PropertyDescriptor" or "MemberDescriptor" && t.ContainingNamespace?.ToDisplayString() == "System.ComponentModel"));

    /// <summary>
    /// The object a reflection read takes a member of: <c>property.GetValue(patient)</c>,
    /// <c>field.GetValue(patient)</c>, a <c>PropertyDescriptor</c>'s <c>GetValue(patient)</c>.
    /// </summary>
    private static IOperation? ReflectedObject(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "GetValue", IsStatic: false } get
        && IsOrDerivesFrom(get.ContainingType, t => t.Name is "PropertyInfo" or "FieldInfo" or "PropertyDescriptor" && t.ContainingNamespace?.ToDisplayString() is "System.Reflection" or "System.ComponentModel")
        && invocation.Arguments.Length >= 1
            ? invocation.Arguments[0].Value
            : null;

    /// <summary>
    /// Any member of an object read by reflection, so the identifier among them: judged by what the
    /// object's type writes out, or, for an object handed in as such (<c>Describe(object value)</c>),
    /// by what each caller hands over.
    /// </summary>
    private FlowResult ReflectedMembers(IOperation reflected, Frame frame, int depth)
    {
        var target = OperationTree.Unwrap(reflected);
        if (target.Type is INamedTypeSymbol { SpecialType: not SpecialType.System_Object, TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } type
            && !IsScalar(type) && SerializedIdentifier(type, frame) is { } member)
        {
            // Combined with the object's own flow, so that a helper handed the object is judged at its callers too.
            return FlowResult.Combine(Found(target, member.Domain, $"{Describe(target)} (a member read by reflection, {member.Origin})"), Evaluate(reflected, frame, depth + 1));
        }
        // An object, an interface or a base type: what the callers hand over.
        return Evaluate(reflected, frame, depth + 1);
    }

    /// <summary>
    /// The object a value prints: <c>profile.ToString()</c> is what <c>profile</c> prints, which for a
    /// record is its members; any other value is itself.
    /// </summary>
    private static IOperation PrintedBy(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod: { Name: "ToString", IsStatic: false } toString, Instance: { } instance }
        && (toString.Parameters.IsEmpty || toString.Parameters is [{ Type.Name: "IFormatProvider" }])
        && instance.Type is { } printed && !IsScalar(printed) && printed.TypeKind != TypeKind.Enum
            ? instance
            : operation;

    /// <summary>The framework calls that write each element of a sequence with its <c>ToString</c>.</summary>
    private static bool JoinsElements(IMethodSymbol method) =>
        (method.Name is "Join" or "Concat" && method.ContainingType?.SpecialType == SpecialType.System_String)
        || (method.Name == "AppendJoin" && IsTextBuilder(method.ContainingType));

    /// <summary>
    /// The text a string's <c>Replace(old, new)</c> or <c>Insert(index, value)</c> puts into it, when it
    /// is not a constant: the result holds it as well as what is left of the receiver.
    /// </summary>
    private static IOperation? InsertedText(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Replace" or "Insert", IsStatic: false } method
        && (method.ContainingType?.SpecialType == SpecialType.System_String || IsTextBuilder(method.ContainingType))
        && invocation.Arguments.Length >= 2 && invocation.Arguments[1].Value is { } value
        && value.Type?.SpecialType == SpecialType.System_String && !OperationTree.Unwrap(value).ConstantValue.HasValue
            ? value
            : null;

    /// <summary>
    /// The one input of a call that only reshapes its value: <c>x.ToString()</c>, <c>x.Trim()</c>,
    /// <c>Convert.ToHexString(x)</c>, <c>Encoding.UTF8.GetBytes(x)</c>, <c>long.Parse(x)</c>.
    /// </summary>
    private static IOperation? UnaryInput(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var typeName = method.ContainingType?.Name;
        if (!method.IsStatic && invocation.Instance is { } instance)
        {
            if ((method.Name == "ToString" && method.Parameters.Length <= 2 && (IsScalar(instance.Type) || instance.Type?.TypeKind == TypeKind.Enum || IsTextBuilder(instance.Type) || IsUriBuilder(instance.Type)))
                || (instance.Type?.SpecialType == SpecialType.System_String && UnaryStringMethods.Contains(method.Name)))
            {
                return instance;
            }
            if (method.Name == "GetBytes" && typeName is "Encoding" or "UTF8Encoding" or "ASCIIEncoding" or "UnicodeEncoding")
            {
                return invocation.Arguments.FirstOrDefault()?.Value;
            }
            return null;
        }
        if (invocation.Arguments.IsEmpty)
        {
            return null;
        }
        var first = invocation.Arguments[0].Value;
        return typeName switch
        {
            "Convert" when ConvertMethods.Contains(method.Name) => first,
            // The bytes of a value (a digest, say) read as a number or text are still that value.
            "BitConverter" when method.Name.StartsWith("To", StringComparison.Ordinal) => first,
            "BinaryPrimitives" when method.Name.StartsWith("Read", StringComparison.Ordinal) => first,
            "Math" or "MathF" when method.Name == "Abs" => first,
            "Int32" or "Int64" or "UInt64" or "Guid" or "Decimal" when method.Name is "Parse" or "ToString" => first,
            "MemoryExtensions" when method.Name == "AsSpan" => first,
            _ => null,
        };
    }

    /// <summary>
    /// The source of a LINQ call that returns some of its elements as they are (<c>Where</c>, <c>OrderBy</c>,
    /// <c>Take</c>, <c>ToList</c>) when those elements are groups, a dictionary's pairs or anonymous objects,
    /// which no other rule follows.
    /// </summary>
    private static IOperation? KeepsElements(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType?.Name is not ("Enumerable" or "Queryable") || invocation.Arguments.Length == 0
            || method.Name is not ("Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Take" or "Skip"
                or "TakeWhile" or "SkipWhile" or "Distinct" or "DistinctBy" or "ToList" or "ToArray" or "AsEnumerable" or "Reverse" or "Order" or "OrderDescending"))
        {
            return null;
        }
        if (ElementType(method.ReturnType) is not { } element)
        {
            return null;
        }
        if (element.Name is "KeyValuePair")
        {
            // A dictionary's pairs sorted or cut to a count are all or the first of its pairs; a filter may be
            // an allow list (headers.Where(h => Safe.Contains(h.Key))), which is not read here.
            return method.Name is "Where" or "TakeWhile" or "SkipWhile" ? null : invocation.Arguments[0].Value;
        }
        return element.Name is "IGrouping" || element.IsAnonymousType ? invocation.Arguments[0].Value : null;
    }

    /// <summary>The element type of a sequence, also of <c>IEnumerable&lt;T&gt;</c> itself (which <c>CollectionElement</c> does not see).</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } sequence
            ? sequence.TypeArguments[0]
            : CollectionElement(type);

    /// <summary>
    /// A framework method that builds text (or a sequence of values) out of what it is given:
    /// <c>string.Join</c>, <c>StringBuilder.Append</c>, <c>FormattableString.Invariant</c>,
    /// <c>Enumerable.Select</c>, <c>string.Create</c>. Look-ups keyed by the value, counts and
    /// comparisons give something else.
    /// </summary>
    private static bool PassesThrough(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (HasSource(method) || LookupMethods.Contains(method.Name) || IsDictionary(method.ContainingType) || IsDictionary(invocation.Instance?.Type))
        {
            return false;
        }
        if (method.IsExtensionMethod && invocation.Arguments.Length > 0 && IsDictionary(invocation.Arguments[0].Value.Type))
        {
            return false;
        }
        var returned = Awaited(method.ReturnType);
        return returned.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char
            || IsTextBuilder(returned)
            || returned.Name is "FormattableString" or "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" or "IFormattable"
            || (CarriesIdentifier(returned) && !IsScalar(returned) && !IsDate(returned))
            || HoldsTypeParameter(returned);
    }

    /// <summary>
    /// <c>List&lt;TSource&gt;</c> inside a generic helper (<c>Task.FromResult(source.ToList())</c> of a
    /// <c>ToListAsync&lt;TSource&gt;</c>): what the values are is known only at the call, which reads the
    /// helper's summary against its own arguments, so the summary keeps which parameters it returns.
    /// </summary>
    private static bool HoldsTypeParameter(ITypeSymbol returned) =>
        returned is ITypeParameterSymbol || (ElementType(returned) is ITypeParameterSymbol && returned is INamedTypeSymbol { IsGenericType: true });

    /// <summary>Framework functions whose result depends on nothing but their inputs.</summary>
    private static bool IsPureTextFunction(IMethodSymbol method) =>
        method.ContainingType is { } type
        && (type.SpecialType == SpecialType.System_String || IsTextBuilder(type)
            || (type.Name is "Convert" or "Enumerable" or "FormattableString" or "MemoryExtensions" or "BitConverter" or "Math" or "CollectionExtensions"
                && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Linq" or "System.Collections.Generic"));

    private static bool IsTextBuilder(ITypeSymbol? type) =>
        type is { Name: "StringBuilder" or "StringWriter" or "DefaultInterpolatedStringHandler" } && type.ContainingNamespace?.ToDisplayString() is "System.Text" or "System.IO" or "System.Runtime.CompilerServices";

    private static bool IsDictionary(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }
        if (type is INamedTypeSymbol { Name: "IDictionary" or "IReadOnlyDictionary" or "Dictionary" or "ConcurrentDictionary" or "IMemoryCache" or "IDistributedCache" or "FrozenDictionary" or "ImmutableDictionary" })
        {
            return true;
        }
        return type.AllInterfaces.Any(i => i.Name is "IDictionary" or "IReadOnlyDictionary" && i.IsGenericType);
    }

    private static bool IsCollection(ITypeSymbol? type) =>
        type is not null && type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);

    /// <summary>
    /// The values of a params argument: an array's elements, or (for <c>params ReadOnlySpan&lt;object?&gt;</c>,
    /// which this Roslyn version has no interface for) the children of the collection.
    /// </summary>
    private static IEnumerable<IOperation> ParamsElements(IOperation value) =>
        OperationTree.Unwrap(value) is IArrayCreationOperation { Initializer: { } initializer }
            ? initializer.ElementValues
            : OperationTree.Unwrap(value).ChildOperations;

    private static bool HasSource(IMethodSymbol method) =>
        !(method.ReducedFrom ?? method).DeclaringSyntaxReferences.IsEmpty && method.MethodKind != MethodKind.DelegateInvoke;

    /// <summary>Code the convention generator wrote: its parameters are sinks of their own, not helpers to follow.</summary>
    public static bool IsGenerated(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree.FilePath.IndexOf("TelemetryConventions.Generators", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "GeneratedCodeAttribute" && attribute.ConstructorArguments.FirstOrDefault().Value is string tool
                    && tool.StartsWith("TelemetryConventions", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsNameOnTheDocument(string memberName)
    {
        var words = NameWords.Split(memberName);
        for (var i = 0; i + 2 < words.Count; i++)
        {
            if (words[i] == "name" && words[i + 1] == "on" && words[i + 2] is "document" or "doc" or "id")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A face's or a voice's embedding held as numbers (<c>float[] FaceEmbedding</c>, a face enrolment's
    /// <c>Embedding</c>): measures in any other array, a person here.
    /// </summary>
    private static bool IsBiometricVector(IMemberReferenceOperation member) =>
        member.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Single or SpecialType.System_Double }
        && NameWords.Split(member.Member.Name) is { Count: > 0 } words && words[words.Count - 1] is "embedding" or "embeddings" or "template" or "vector" or "encoding";

    private bool IsIdentifierMember(IMemberReferenceOperation member, TelemetryOptions options, out string domain)
    {
        if (IsIdentifierSymbol(member.Member, options, out domain))
        {
            return true;
        }
        if (IsDate(member.Type) || IsCodeMemberName(member.Member, NameWords.Split(member.Member.Name)))
        {
            // patient.LastLogin is not made a person's by its receiver: only a date of birth is. Nor is
            // result.MemberNames, the code members a validation message is about.
            return false;
        }
        // studentNumber.Value of a value object StudentNumber: the value it wraps.
        if (member.Member.ContainingType is { } wrapper && WrappedMember(wrapper) is { } wrapped
            && SymbolEqualityComparer.Default.Equals(wrapped, member.Member) && IsWrapperName(wrapper.Name, options, out domain))
        {
            return true;
        }
        if (IsAuthoredText(member) && InitializedInSight(member) is null)
        {
            // var message = new ChatMessage { Text = $"Passback failed for {count} students" }: the service's
            // own words, judged by what they are made of, not by the object's name.
            domain = "text";
            return true;
        }
        // patient.Id, visit.Patient.Id, this.Id inside class Patient, candidate.DisplayName: the
        // member says "id" or "name", the receiver says whose.
        var words = NameWords.Split(member.Member.Name);
        if (words.Count == 1 && member.Member.ContainingType is { } headed && !headed.DeclaringSyntaxReferences.IsEmpty
            && NameWords.Split(headed.Name) is { Count: > 1 } namedWords && namedWords[namedWords.Count - 1] == words[0]
            && options.IsIdentifierName(namedWords, out domain))
        {
            // GuestAccessCode.Code, PhonePin.Pin: the member is what its type is named for.
            return true;
        }
        if (words.Count == 1 && words[0] is "address" or "postcode" && member.Member.ContainingType is { } visited
            && !visited.DeclaringSyntaxReferences.IsEmpty && NameWords.Split(visited.Name) is { Count: > 1 } visitedWords
            && visitedWords[0] is "home" or "housebound" or "domiciliary")
        {
            // HomeVisit.Address: where a home visit goes is someone's home.
            domain = "address";
            return true;
        }
        if (words.Count == 1 && words[0] is "embedding" or "embeddings" or "template" or "templates" && member.Member.ContainingType is { } enrolled
            && !enrolled.DeclaringSyntaxReferences.IsEmpty && NameWords.Split(enrolled.Name) is { Count: > 0 } enrolledWords
            && enrolledWords[0] is "face" or "voice" or "biometric" or "fingerprint")
        {
            // FaceEnrolment.Embedding, VoiceProfile.Template: the biometric the record was made for.
            domain = enrolledWords[0];
            return true;
        }
        if (words.Count == 2 && words[0] is "document" or "doc" && words[1] is "number" or "no" or "nr" && member.Member.ContainingType is { } checkedIn
            && !checkedIn.DeclaringSyntaxReferences.IsEmpty && checkedIn.MemberNames.Any(IsNameOnTheDocument))
        {
            // A check-in's DocumentNumber beside its NameOnDocument: the identity document a person
            // showed, whose number is theirs. An invoice's or a contract's document number has no name on it.
            domain = "document";
            return true;
        }
        if (words.Count == 2 && words[0] == "subject" && words[1] is "name" or "names" && member.Member.ContainingType is { } about
            && !about.DeclaringSyntaxReferences.IsEmpty)
        {
            // notice.SubjectName, referral.SubjectName: the person an application's record is about. A
            // certificate's subject name (X509Certificate2.SubjectName) is a framework type's, and stays clean.
            domain = "name";
            return true;
        }
        if (words.Count == 2 && words[0] is "register" or "registration" or "reg" && words[1] is "number" or "no" or "nr")
        {
            // interpreter.RegisterNumber, nurse.RegistrationNumber: the number a register gives whoever the
            // receiver names (a person's register number, a private car's registration, a company's number).
            words = new List<string> { "number" };
        }
        if (words.Count == 0 || !TelemetryOptions.IdentityWords.Contains(words[words.Count - 1])
            || !words.All(w => TelemetryOptions.IdentityWords.Contains(w) || TelemetryOptions.Qualifiers.Contains(w)))
        {
            return false;
        }
        var receiver = member.Instance is null ? null : OperationTree.Unwrap(member.Instance);
        var receiverType = receiver?.Type ?? member.Member.ContainingType;
        if (receiver is not null && ReferencedSymbol(receiver) is { } receiverSymbol
            && options.IsIdentifierName(NameWords.Split(receiverSymbol.Name).Concat(words).ToList(), out domain))
        {
            return true;
        }
        if (receiver is IMemberReferenceOperation { Member: var sender } && member.Member.Name is "Address" or "Name" or "DisplayName"
            && IsMessageSender(sender, NameWords.Split(sender.Name)))
        {
            // mail.From.Address, mail.From.Name: the sender's mailbox and name.
            domain = "email";
            return true;
        }
        if (receiverType is null)
        {
            return false;
        }
        var typeWords = NameWords.Split(receiverType.Name);
        if (options.IsIdentifierName(typeWords.Concat(words).ToList(), out domain))
        {
            return true;
        }
        // registrar.DisplayName of a StaffPrincipal, a DirectoryUser's Email: a type for a signed-in person
        // or an account holder, whoever its first words say it is.
        if (typeWords.Count > 1 && typeWords[typeWords.Count - 1] is "principal" or "identity" or "user" or "person"
            && !TelemetryOptions.IsMachineName(typeWords) && !TelemetryOptions.HasThingModifier(typeWords))
        {
            domain = "user";
            return true;
        }
        // hits[0].DisplayName of a SearchHit, balance.DisplayName of a seller's balance: a display name the
        // application keeps is a person's, unless its type or its receiver names a group or a thing.
        if (words.Count == 2 && words[0] == "display" && member.Type?.SpecialType == SpecialType.System_String
            && !member.Member.DeclaringSyntaxReferences.IsEmpty
            && !typeWords.Any(DisplayNamedThingWords.Contains)
            && !(receiver is not null && ReferencedSymbol(receiver) is { } named && NameWords.Split(named.Name).Any(DisplayNamedThingWords.Contains)))
        {
            domain = "name";
            return true;
        }
        // form.Name of an EnquiryForm(Name, Email, Phone, …): a type that keeps a person's email or phone
        // beside a name describes that person, unless it or its receiver names a business or a thing.
        if (member.Member.Name is "Name" or "FullName" && member.Type?.SpecialType == SpecialType.System_String
            && member.Member.ContainingType is { } holder && !holder.DeclaringSyntaxReferences.IsEmpty
            && !NamesThingOrBusiness(receiverType.Name) && !NamesThingOrBusiness(holder.Name)
            && !(receiver is not null && ReferencedSymbol(receiver) is { } holderName && NamesThingOrBusiness(holderName.Name))
            && KeepsPersonalContact(holder))
        {
            domain = "name";
            return true;
        }
        return false;
    }

    /// <summary>Whether a type declares a bare email or phone member (<c>Email</c>, <c>PhoneNumber</c>, <c>Mobile</c>).</summary>
    private static bool KeepsPersonalContact(INamedTypeSymbol type)
    {
        foreach (var candidate in type.GetMembers())
        {
            if (candidate is IPropertySymbol { Type.SpecialType: SpecialType.System_String } or IFieldSymbol { Type.SpecialType: SpecialType.System_String, IsImplicitlyDeclared: false }
                && NameWords.Split(candidate.Name) is { Count: >= 1 and <= 2 } contact
                && contact[0] is "email" or "phone" or "mobile" && (contact.Count == 1 || contact[1] is "address" or "number"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Words for what has a display name of its own that is nobody's: a group or a team, code and
    /// telemetry (an activity, an endpoint, an action descriptor), a place, a product or a setting.
    /// </summary>
    private static readonly HashSet<string> DisplayNamedThingWords = new(StringComparer.Ordinal)
    {
        "group", "groups", "team", "teams", "channel", "role", "course", "class", "cohort", "clan", "guild", "room", "party",
        "organisation", "organization", "org", "tenant", "company", "merchant", "provider", "bank", "partner", "supplier",
        "activity", "span", "endpoint", "action", "descriptor", "route", "operation", "service", "app", "application", "api",
        "job", "task", "step", "stage", "workflow", "pipeline", "queue", "topic", "event", "metric", "flag", "feature",
        "product", "item", "sku", "plan", "tier", "tariff", "offer", "category", "catalog", "catalogue", "title", "show", "playlist",
        "site", "store", "shop", "venue", "station", "stop", "line", "zone", "region", "depot", "ward", "clinic", "school",
        "device", "meter", "sensor", "printer", "vehicle", "file", "folder", "document", "report", "dashboard", "template",
        "field", "column", "property", "option", "setting", "type", "module", "method", "policy", "rule", "scope", "permission", "claim",
        "certificate", "key", "secret", "resource", "environment", "locale", "culture", "language", "currency",
    };

    /// <summary>Businesses that keep an email and a phone beside their name as people do.</summary>
    private static readonly HashSet<string> BusinessWords = new(StringComparer.Ordinal)
    {
        "branch", "office", "practice", "agency", "business", "firm", "vendor", "carrier", "brand", "insurer",
    };

    private static bool NamesThingOrBusiness(string name) =>
        NameWords.Split(name).Any(w => DisplayNamedThingWords.Contains(w) || BusinessWords.Contains(w));

    /// <summary>
    /// The words of something a person wrote: <c>complaint.Text</c>, <c>ticket.Body</c>,
    /// <c>appeal.Statement</c>, <c>report.Description</c>, <c>message.Content</c>. The member's name
    /// says only "the text"; the object it is read from says whose: a message, post, review, complaint,
    /// form or report a person sent. The same member of a health check, a job or a rule is the
    /// service's own text, and its length or presence is only about it.
    /// </summary>
    private static bool IsAuthoredText(IMemberReferenceOperation member)
    {
        if (member.Type?.SpecialType != SpecialType.System_String || !TextMembers.Contains(member.Member.Name)
            || member.Member.ContainingType is not { } owner || IsModelExchange(owner))
        {
            return false;
        }
        var receiver = member.Instance is null ? null : OperationTree.Unwrap(member.Instance);
        if (IsMachineAuthoredName(owner.Name) || (receiver?.Type is { } machine && IsMachineAuthoredName(machine.Name)))
        {
            // var statement = where.Build(…) of a SqlStatement: the variable's name does not make it a person's.
            return false;
        }
        if (receiver is not null && ReferencedSymbol(receiver) is { } receiverSymbol && IsAuthoredName(receiverSymbol.Name))
        {
            return true;
        }
        return (receiver?.Type is { } receiverType && IsAuthoredName(receiverType.Name)) || IsAuthoredName(owner.Name);
    }

    /// <summary>
    /// <c>Regex.Replace(text, @"\w", "*")</c>, <c>Regex.Replace(text, ".", "#")</c>: every letter and
    /// digit replaced by a constant, so nothing of the value is left but its length and punctuation.
    /// Also every character or digit but the last few (<c>@"\d(?=\d{4})"</c>, <c>".(?=.{4})"</c>), with
    /// the static method or a <c>Regex</c> made with such a pattern. A pattern that keeps letters
    /// (<c>\d</c> alone) or a replacement that puts groups back is no mask.
    /// </summary>
    private bool MasksEveryCharacter(IInvocationOperation invocation, Frame frame)
    {
        if (ConstantReplacementPattern(invocation, frame) is not { } mask)
        {
            return false;
        }
        if (KeepsOnlyTheLastFew.IsMatch(mask))
        {
            return true;
        }
        mask = mask.TrimEnd('+');
        return mask is @"\w" or @"\S" or "." or @"[^\s]" or "[^ ]" or @"[\w]" or "[a-zA-Z0-9]" or "[A-Za-z0-9]" or "[0-9A-Za-z]" or @"[\p{L}\p{N}]";
    }

    /// <summary>
    /// A path, address or query text normalised for telemetry: <c>Regex.Replace(path, "[0-9]", "#")</c>,
    /// <c>Guids.Replace(path, "{id}")</c>, <c>StringLiteral.Replace(sql, "?")</c>. A constant replacement
    /// for runs of digits, hexadecimal ids or quoted literals takes out the values a route or a statement
    /// was given, which is where a path or query holds identifiers; applied to any other text (a message,
    /// a name) it proves nothing, so the text replaced must be a path, an address or a statement, by type
    /// or by name, directly or through earlier such replacements.
    /// </summary>
    private bool MasksLiteralsOfAddressOrQuery(IInvocationOperation invocation, Frame frame) =>
        ConstantReplacementPattern(invocation, frame) is { } literals && MatchesLiterals(literals)
        && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "input")?.Value is { } input
        && IsAddressOrQueryText(input, 0);

    /// <summary>
    /// The pattern of a <c>Regex.Replace</c> (the static method's, or the one a <c>Regex</c> field or
    /// local was made with) when it and the replacement are constants and the replacement puts no
    /// group of the input back (<c>$1</c>); null for any other call.
    /// </summary>
    private string? ConstantReplacementPattern(IInvocationOperation invocation, Frame frame)
    {
        if (invocation.TargetMethod is not { Name: "Replace", ContainingType: { Name: "Regex" } regex }
            || regex.ContainingNamespace?.ToDisplayString() != "System.Text.RegularExpressions")
        {
            return null;
        }
        var pattern = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue;
        if (!invocation.TargetMethod.IsStatic && invocation.Instance is { } instance)
        {
            pattern = ConstructedPattern(instance, frame);
        }
        var replacement = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "replacement")?.Value.ConstantValue;
        return pattern is { HasValue: true, Value: string constant } && replacement is { HasValue: true, Value: string with } && with.IndexOf('$') < 0
            ? constant
            : null;
    }

    /// <summary>Runs of digits (<c>\d+</c>, <c>[0-9]</c>), hexadecimal ids or quoted literals (<c>'(?:[^']|'')*'</c>).</summary>
    private static bool MatchesLiterals(string pattern) =>
        pattern.Contains(@"\d") || pattern.Contains("[0-9") || pattern.Contains("0-9a-f") || pattern.Contains("a-fA-F0-9")
        || pattern.Contains("0-9A-F") || pattern.StartsWith("'", StringComparison.Ordinal);

    /// <summary>Text that is a path, an address or a statement, by its type, its member or its name.</summary>
    private static bool IsAddressOrQueryText(IOperation text, int depth)
    {
        var unwrapped = OperationTree.Unwrap(text);
        switch (unwrapped)
        {
            case ICoalesceOperation coalesce:
                return IsAddressOrQueryText(coalesce.Value, depth);
            case IConditionalAccessOperation access:
                return IsAddressOrQueryText(access.WhenNotNull, depth);
            case IInvocationOperation earlier when depth < 4 && earlier.TargetMethod is { Name: "Replace", ContainingType.Name: "Regex" }:
                return earlier.Arguments.FirstOrDefault(a => a.Parameter?.Name == "input")?.Value is { } input && IsAddressOrQueryText(input, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } converted }:
                return IsAddressOrQueryType(converted.Type);
            case ILocalReferenceOperation local when depth < 4:
                var writes = LocalWrites(local.Local, OperationTree.Root(local));
                if (writes.Count == 1 && writes[0].Element < 0 && writes[0].Value is not IArgumentOperation)
                {
                    return IsAddressOrQueryText(writes[0].Value, depth + 1) || NamesAddressOrQuery(local.Local.Name);
                }
                return NamesAddressOrQuery(local.Local.Name);
            case IParameterReferenceOperation parameter:
                return NamesAddressOrQuery(parameter.Parameter.Name);
            case IMemberReferenceOperation member:
                return (member.Member.Name == "Value" && IsAddressOrQueryType(member.Instance?.Type))
                    || (IsUri(member.Member.ContainingType) && IsUriText(member.Member.Name))
                    || NamesAddressOrQuery(member.Member.Name);
            default:
                return false;
        }
    }

    private static bool IsAddressOrQueryType(ITypeSymbol? type) =>
        type?.Name is "PathString" or "QueryString" or "Uri";

    /// <summary>A name whose head is a path, route, address or statement: <c>path</c>, <c>requestPath</c>, <c>sql</c>, <c>commandText</c>.</summary>
    private static bool NamesAddressOrQuery(string name)
    {
        var words = NameWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }
        var head = words[words.Count - 1];
        return head is "path" or "route" or "url" or "uri" or "sql" or "statement" or "endpoint"
            || (head == "text" && words.Count >= 2 && words[words.Count - 2] is "command" or "query" or "sql");
    }

    /// <summary><c>\d(?=\d{4})</c>, <c>.(?=.{4})</c>: one character at a time, unless among the last four.</summary>
    private static readonly System.Text.RegularExpressions.Regex KeepsOnlyTheLastFew = new(
        @"^(\\d|\\w|\.|\[0-9\])\(\?=(\\d|\\w|\.|\[0-9\])\{[1-4]\}\)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The constant pattern a <c>Regex</c> field or local was made with (<c>new Regex(@"\d(?=\d{4})")</c>).</summary>
    private Optional<object?> ConstructedPattern(IOperation regex, Frame frame)
    {
        var writes = OperationTree.Unwrap(regex) switch
        {
            IFieldReferenceOperation field => _index.WritesOf(field.Field, frame.CancellationToken),
            ILocalReferenceOperation local => LocalWrites(local.Local, OperationTree.Root(local)).Select(w => w.Value).ToList(),
            _ => (IReadOnlyList<IOperation>)Array.Empty<IOperation>(),
        };
        return writes.Count == 1 && OperationTree.Unwrap(writes[0]) is IObjectCreationOperation { Arguments.Length: > 0 } created
            ? created.Arguments[0].Value.ConstantValue
            : default;
    }

    /// <summary>
    /// A model's messages (Microsoft.Extensions.AI, Semantic Kernel, the OpenAI and Azure AI clients)
    /// hold what a prompt put in them or what the model wrote: judged by what they were built from,
    /// not by their name.
    /// </summary>
    private static bool IsModelExchange(ITypeSymbol type)
    {
        var space = type.ContainingNamespace?.ToDisplayString() ?? "";
        return space.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) || space.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal)
            || space.StartsWith("OpenAI", StringComparison.Ordinal) || space.StartsWith("Azure.AI", StringComparison.Ordinal);
    }

    private static readonly ImmutableHashSet<string> TextMembers = ImmutableHashSet.Create(StringComparer.Ordinal,
        "Text", "Body", "Description", "Statement", "Details", "Content", "Concern", "Message", "RawText", "FullText", "PlainText",
        "BodyText", "MessageText", "TextBody", "HtmlBody", "PlainTextBody", "Comments", "Explanation",
        // A complaint's or a transcript's words as they were said, and as they were translated.
        "Original", "OriginalText", "Translation", "Translated", "TranslatedText");

    /// <summary>
    /// Whether a variable or type is named for what a person writes and sends: <c>complaint</c>,
    /// <c>SupportTicket</c>, <c>ChatMessage</c>, <c>BanAppeal</c>, <c>SicknessReportDto</c>,
    /// <c>TranscriptSegment</c>. Its head decides (a trailing <c>Dto</c>, <c>Model</c>, <c>Entity</c>,
    /// <c>Segment</c>, <c>Line</c>, <c>Translation</c> or <c>Request</c> is skipped), so a
    /// <c>HealthReportEntry</c> or a <c>MessageBroker</c> is not one.
    /// </summary>
    private static bool IsAuthoredName(string name)
    {
        var words = NameWords.Split(name);
        var end = words.Count;
        // A TranscriptSegment or TranscriptLine, a ComplaintTranslation, a MessageExcerpt: part of what was written,
        // or it in other words; a SupportChatRequest carries the chat.
        while (end > 1 && words[end - 1] is "dto" or "model" or "entity" or "record" or "payload" or "input" or "view" or "item" or "row" or "doc" or "data"
            or "segment" or "segments" or "translation" or "excerpt" or "chunk" or "line" or "request")
        {
            end--;
        }
        // SqlStatement, QueryReport, SystemMessage: code's or a machine's, not a person's.
        return end > 0 && AuthoredWords.Contains(words[end - 1]) && !(end > 1 && MachineAuthors.Contains(words[end - 2]));
    }

    private static bool IsMachineAuthoredName(string name)
    {
        var words = NameWords.Split(name);
        return words.Count > 1 && AuthoredWords.Contains(words[words.Count - 1]) && MachineAuthors.Contains(words[words.Count - 2]);
    }

    /// <summary>Modifiers that make an authored word name what code or a machine writes: <c>SqlStatement</c>, <c>SystemMessage</c>.</summary>
    private static readonly ImmutableHashSet<string> MachineAuthors = ImmutableHashSet.Create(StringComparer.Ordinal,
        "sql", "db", "database", "query", "prepared", "command", "cql", "system", "error", "log", "debug", "diagnostic", "trace");

    private static readonly ImmutableHashSet<string> AuthoredWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "message", "messages", "comment", "post", "reply", "review", "complaint", "appeal", "dispute", "report", "ticket", "form",
        "submission", "feedback", "enquiry", "inquiry", "referral", "statement", "testimony", "chat", "sms", "mail", "email",
        "letter", "turn", "utterance", "transcript", "note", "question", "essay", "claim", "concern", "grievance", "objection",
        "representation", "confession", "story", "testimonial", "answer");

    /// <summary>
    /// The name a client gave the file it uploaded (<c>IFormFile.FileName</c>, and the
    /// <c>Content-Disposition</c> that quotes it) or attached to a mail (MimeKit's <c>MimePart.FileName</c>,
    /// <c>ContentDisposition.FileName</c> and <c>ContentType.Name</c>; <c>System.Net.Mail.Attachment.Name</c>):
    /// free text from a person, as often as not their own or someone else's name (<c>Jane_Smith_CV.pdf</c>).
    /// </summary>
    private static bool IsUploadedFileName(ISymbol member)
    {
        if (member is IPropertySymbol { ContainingType: { } part } attached
            && ((attached.Name == "FileName" && IsOrDerivesFrom(part, t => t.Name is "MimeEntity" or "MimePart" || (t.Name == "ContentDisposition" && t.ContainingNamespace?.ToDisplayString() == "MimeKit")))
                || (attached.Name == "Name" && part.Name == "ContentType" && part.ContainingNamespace?.ToDisplayString() == "MimeKit")
                || (attached.Name == "Name" && part.Name == "Attachment" && part.ContainingNamespace?.ToDisplayString() == "System.Net.Mail")))
        {
            return true;
        }
        if (member is not IPropertySymbol { ContainingType: { } type } property)
        {
            return false;
        }
        if (property.Name is "FileName" or "ContentDisposition" && (IsFormFile(type) || type.AllInterfaces.Any(IsFormFile)))
        {
            return true;
        }
        return IsFileNameMember(property.Name) && IsReceivedFromAPerson(type);

        // The framework's upload, or a stand-in of the same name and shape (a gateway's own form file).
        static bool IsFormFile(INamedTypeSymbol candidate) =>
            candidate.Name is "IFormFile" or "FormFile"
            && (candidate.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http" || candidate.GetMembers("OpenReadStream").Length > 0);
    }

    /// <summary><c>FileName</c>, <c>OriginalFileName</c>, <c>ReceiptFileName</c>, <c>PhotoFileNames</c>: the name of a file, not a path or a key.</summary>
    private static bool IsFileNameMember(string name)
    {
        // Asked for every member read: the letters rule out nearly all names before any splitting.
        if (name.IndexOf("file", StringComparison.OrdinalIgnoreCase) < 0 || name.IndexOf("name", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }
        var words = NameWords.Split(name);
        return words.Count >= 2 && words[words.Count - 2] == "file" && words[words.Count - 1] is "name" or "names";
    }

    /// <summary>
    /// A type for what a person uploads, attaches or sends in (<c>DocumentUpload</c>, <c>InboundAttachment</c>,
    /// <c>FileUploadAnswer</c>, a <c>Submission</c>, a <c>TravelClaim</c>): the file names it holds are the
    /// ones that person gave their files. An export or a batch the service writes itself is none of these.
    /// </summary>
    private static bool IsReceivedFromAPerson(INamedTypeSymbol type)
    {
        foreach (var word in NameWords.Split(type.Name))
        {
            if (word is "upload" or "uploaded" or "attachment" or "attached" or "evidence" || AuthoredWords.Contains(word))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The plate or the VIN of one of the organisation's own vehicles (<c>Bus.Plate</c>,
    /// <c>position.FleetPlate</c>, <c>FleetVehicle.Vin</c>, a dealer's <c>StockVehicle.Vin</c>, a pool
    /// car's): a thing's, known to be one, whatever key it is sent under.
    /// </summary>
    private static bool IsFleetPlate(ISymbol symbol)
    {
        // Asked for every member read: the name rules out nearly all of them before any splitting.
        if (!symbol.Name.EndsWith("plate", StringComparison.OrdinalIgnoreCase) && !symbol.Name.EndsWith("vin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var words = NameWords.Split(symbol.Name);
        return words.Count > 0 && words[words.Count - 1] is "plate" or "vin"
            && (words.Any(IsOwnedVehicleWord) || (symbol.ContainingType is { } owner && NameWords.Split(owner.Name).Any(IsOwnedVehicleWord)));

        static bool IsOwnedVehicleWord(string word) =>
            TelemetryOptions.FleetWords.Contains(word) || word is "stock" or "pool" or "hire" or "rental" or "courtesy" or "demonstrator";
    }

    /// <summary>
    /// A template's or a message's <c>SubjectKey</c>: the resource key of its subject line (beside a
    /// <c>BodyKey</c>), not a data subject's key.
    /// </summary>
    private static bool IsTemplateSubjectKey(ISymbol symbol, List<string> words) =>
        words.Count >= 2 && words[words.Count - 2] == "subject" && words[words.Count - 1] is "key" or "keys"
        && symbol.ContainingType is { } owner
        && NameWords.Split(owner.Name).Any(w => w is "template" or "templates" or "notification" or "email" or "mail" or "message" or "letter" or "resource" or "resources");

    public static bool IsIdentifierSymbol(ISymbol symbol, TelemetryOptions options, out string domain)
    {
        var words = NameWords.Split(symbol.Name);
        if (words.Count > 1 && words[0] == "missing" && TypeOf(symbol) is { } valued && !IsBoolean(valued)
            && !(valued is INamedTypeSymbol { ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } optional && IsBoolean(optional.TypeArguments[0])))
        {
            // missingGamertag, missingStudentIds: the value that is missing somewhere, not a flag that it is.
            words.RemoveAt(0);
        }
        if (IsCodeMemberName(symbol, words))
        {
            domain = "";
            return false;
        }
        if (IsAmount(TypeOf(symbol)))
        {
            // A decimal is an amount (ToLandlord, refundToCustomer), never how anyone is identified.
            domain = "";
            return false;
        }
        if (IsDate(TypeOf(symbol)))
        {
            // A date is a person's only when it is their date of birth: lastLogin, memberSince and
            // patientAdmittedAt are moments about them, named in words that make text an identifier.
            domain = "birth";
            return IsBirthDateName(words);
        }
        if (options.IsIdentifierName(words, out domain))
        {
            // A quiz's question number or a comment count is a number, not the words someone typed.
            return !IsFleetPlate(symbol) && !IsTemplateSubjectKey(symbol, words)
                && !(domain == "text" && TypeOf(symbol) is { } typed && IsMeasure(typed));
        }
        if (IsIdentityDocumentNumber(symbol, words))
        {
            domain = "identity_document";
            return true;
        }
        if (IsMessageSender(symbol, words))
        {
            domain = "email";
            return true;
        }
        if (words.Count == 1 && words[0] == "handle" && TypeOf(symbol)?.SpecialType == SpecialType.System_String
            && !(symbol.ContainingType is { } handleOwner && NameWords.Split(handleOwner.Name).Any(w => w is "file" or "job" or "timer" or "process" or "window" or "lock" or "wait" or "stream" or "socket" or "native" or "safe")))
        {
            // mention.Handle, talent.Handle, a channel's Handle: the @name a person goes by, as text.
            domain = "handle";
            return true;
        }
        if ((symbol is ILocalSymbol || symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.Constructor } })
            && words.Count == 2 && words[0] == "display" && words[1] == "name"
            && TypeOf(symbol)?.SpecialType == SpecialType.System_String)
        {
            // A local or a method's parameter displayName: the name a person shows to others (a constructor's
            // fills a member, judged by the type that holds it).
            domain = "name";
            return true;
        }
        if (words.Count > 0 && words[words.Count - 1] == "typed" && TypeOf(symbol)?.SpecialType == SpecialType.System_String)
        {
            // var typed = request.Code, prefixTyped: text named for being what a person typed (not an object
            // named typed after a cast, nor a flag).
            domain = "text";
            return true;
        }
        if (IsStreetAddressLine(symbol, words) || IsPersonsPostalAddress(symbol, words, options))
        {
            domain = "address";
            return true;
        }
        if (IsCallersName(symbol, words))
        {
            domain = "caller";
            return true;
        }
        if (IsOwnFullName(symbol, words))
        {
            domain = "name";
            return true;
        }
        if (IsPersonsDeviceIdentifier(symbol, words, options))
        {
            domain = "device";
            return true;
        }
        if (IsPersonsWrittenText(symbol, words, options))
        {
            domain = "text";
            return true;
        }
        if (IsPersonsPassCode(symbol, words, options))
        {
            domain = "barcode";
            return true;
        }
        // IPEndPoint remote, IPAddress Address: a peer's address is personal (client.address) whatever
        // it is called, unless the name says it is a machine's (localEndPoint, serverAddress).
        // A MAC address is judged by its name only: a school's tablet's is a thing's, a shopper's phone's a person's.
        if (TypeOf(symbol) is { Name: "IPAddress" or "IPEndPoint" } addressType && IsNetworkAddress(addressType) && !TelemetryOptions.IsMachineName(words))
        {
            domain = "client.address";
            return true;
        }
        // MailAddress recipient, message.To: an email address whatever it is called, unless it is the sender's.
        if (TypeOf(symbol) is { } mailType && IsMailAddress(mailType) && !words.Any(w => w is "from" or "sender" or "noreply" or "system" or "service"))
        {
            domain = "email";
            return true;
        }
        // HashSet<string> gamertags, List<string> patients: a collection named in the plural holds
        // one identifier per element. A number named so (int players) is a count, and is not judged.
        if (words.Count > 0 && words[words.Count - 1] is { Length: > 3 } last && last[last.Length - 1] == 's'
            && TypeOf(symbol) is { } type && !IsScalar(type) && !IsDate(type) && CarriesIdentifier(type))
        {
            var singular = new List<string>(words) { [words.Count - 1] = last.Substring(0, last.Length - 1) };
            // tokens split from a text are a tokenizer's, not credentials.
            if (singular[singular.Count - 1] != "token" && options.IsIdentifierName(singular, out domain))
            {
                return true;
            }
        }
        // The signed-in user's name (User.Identity.Name): a name that says nothing by its words.
        if (symbol is IPropertySymbol { Name: "Name" } name && name.ContainingType is { } identity && IsPrincipalOrIdentity(identity))
        {
            domain = "user";
            return true;
        }
        // The caller's network address: gRPC's ServerCallContext.Peer ("ipv4:203.0.113.7:51234") and
        // ASP.NET Core's HttpContext.Connection.RemoteIpAddress, personal data as client.address is.
        if (symbol is IPropertySymbol { Name: "Peer", ContainingType.Name: "ServerCallContext" } or IPropertySymbol { Name: "RemoteIpAddress", ContainingType.Name: "ConnectionInfo" })
        {
            domain = "client.address";
            return true;
        }
        // ASP.NET Core Identity: an external login's key is the user's id at the provider, a token's
        // Subject is its sub claim, and an IdentityError's Description quotes the email or user name it rejects.
        if (symbol is IPropertySymbol { Name: "ProviderKey", ContainingType.Name: "UserLoginInfo" or "ExternalLoginInfo" or "IdentityUserLogin" }
            or IPropertySymbol { Name: "Subject", ContainingType.Name: "JwtSecurityToken" or "JsonWebToken" }
            or IPropertySymbol { Name: "Description", ContainingType.Name: "IdentityError" })
        {
            domain = "user";
            return true;
        }
        // An identity provider's answer for a person (GovIdentity.Subject, a UserInfo's): its subject is the
        // provider's id of that person, as a token's sub claim is.
        if (symbol is IPropertySymbol { Name: "Subject", Type.SpecialType: SpecialType.System_String } subject
            && NameWords.Split(subject.ContainingType.Name) is { Count: > 0 } holder
            && holder[holder.Count - 1] is "identity" or "principal" or "user" or "person" or "userinfo" or "info" && (holder[holder.Count - 1] != "info" || holder.Contains("user"))
            && !TelemetryOptions.IsMachineName(holder) && !TelemetryOptions.HasThingModifier(holder))
        {
            domain = "user";
            return true;
        }
        // CreatedBy, GrantedBy, MarkedBy: an audit field says who did it.
        if (words.Count >= 2 && words[words.Count - 1] == "by" && AuditVerbs.Contains(words[words.Count - 2]) && TypeOf(symbol) is { } audited && IsScalar(audited))
        {
            domain = "user";
            return true;
        }
        if (HasDataClassification(symbol))
        {
            domain = words.Count > 0 ? words[0] : "personal";
            return true;
        }
        return false;
    }

    /// <summary>
    /// Verbs of an audit field that names a person (<c>ApprovedBy</c>); not those a machine does or that
    /// order data (<c>ProcessedBy</c>, <c>SortedBy</c>, <c>IssuedBy</c>).
    /// </summary>
    private static readonly HashSet<string> AuditVerbs = new(StringComparer.Ordinal)
    {
        "created", "modified", "updated", "changed", "edited", "deleted", "removed", "approved", "rejected", "granted",
        "revoked", "marked", "reviewed", "submitted", "requested", "assigned", "authored", "invited", "referred",
        "prescribed", "ordered", "booked", "cancelled", "canceled", "confirmed", "verified", "recorded", "entered",
        "uploaded", "completed", "closed", "opened", "resolved", "escalated", "acknowledged", "accepted", "initiated",
        "performed", "administered", "authorised", "authorized", "added", "archived", "restored", "locked", "unlocked",
    };

    /// <summary>Microsoft.Extensions.Compliance's <c>[PrivateData]</c> and the like: any attribute derived from <c>DataClassificationAttribute</c>.</summary>
    public static bool HasDataClassification(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (type.Name == "DataClassificationAttribute" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Compliance.Classification")
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Caller-info parameters are filled in by the compiler: never personal data.</summary>
    private static bool IsCallerInfo(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.Name is "CallerMemberNameAttribute" or "CallerFilePathAttribute" or "CallerArgumentExpressionAttribute" or "CallerLineNumberAttribute");

    /// <summary>Whether the type or one of its base types is one <paramref name="matches"/> accepts.</summary>
    private static bool IsOrDerivesFrom(INamedTypeSymbol? type, Func<INamedTypeSymbol, bool> matches)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (matches(current))
            {
                return true;
            }
        }
        return false;
    }

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IMemberReferenceOperation member => member.Member,
        IInvocationOperation invocation => invocation.TargetMethod,
        _ => null,
    };

    /// <summary>
    /// A scalar, or a sequence of them: <c>string.Join(",", patientIds)</c> and a <c>List&lt;long&gt;</c>
    /// sent as an array attribute carry identifiers too.
    /// </summary>
    public static bool CarriesIdentifier(ITypeSymbol? type)
    {
        if (IsScalar(type) || IsDate(type))
        {
            return true;
        }
        if (type is IArrayTypeSymbol array)
        {
            return IsScalar(array.ElementType);
        }
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return IsScalar(named.TypeArguments[0]);
        }
        if (named is { Name: "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory", TypeArguments.Length: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            // params ReadOnlySpan<string> emails: a span of values, as an array is.
            return IsScalar(named.TypeArguments[0]);
        }
        // Asked for the type of nearly every value followed: its interfaces are read once per type.
        return ScalarSequences.For(named);
    }

    private static readonly TypeAnswers ScalarSequences = new(IsScalarSequence);

    /// <summary>A type that is a sequence of scalars through one of its interfaces (<c>List&lt;string&gt;</c>, <c>HashSet&lt;long&gt;</c>).</summary>
    private static bool IsScalarSequence(INamedTypeSymbol named)
    {
        foreach (var implemented in named.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && IsScalar(implemented.TypeArguments[0]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A calendar date or a moment (<c>DateOnly</c>, <c>DateTime</c>, <c>DateTimeOffset</c>, also nullable):
    /// it carries a person's data only as a date of birth (see <see cref="IsBirthDateName"/>).
    /// </summary>
    /// <summary>A <c>decimal</c>, nullable or not: an amount of money or of something measured.</summary>
    public static bool IsAmount(ITypeSymbol? type) =>
        type is not null && (type.SpecialType == SpecialType.System_Decimal
            || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments[0].SpecialType == SpecialType.System_Decimal);

    public static bool IsDate(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        return type is not null && (type.SpecialType == SpecialType.System_DateTime
            || (type.Name is "DateOnly" or "DateTimeOffset" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }));
    }

    /// <summary>
    /// The number of an identity document: a <c>Number</c> or <c>DocumentNumber</c> of a type that
    /// names a passport or an identity document, or that also holds what only such a document holds
    /// about its bearer (a date of birth, a nationality, an issuing country or authority, a
    /// machine-readable zone). An invoice's or a credit note's number holds none of these.
    /// </summary>
    private static bool IsIdentityDocumentNumber(ISymbol symbol, IReadOnlyList<string> words)
    {
        if (symbol is not (IPropertySymbol or IFieldSymbol) || symbol.ContainingType is not { } document
            || words.Count == 0 || words[words.Count - 1] is not ("number" or "no")
            || !(words.Count == 1 || (words.Count == 2 && words[0] is "document" or "doc" or "id")))
        {
            return false;
        }
        var typeWords = NameWords.Split(document.Name);
        if (typeWords.Contains("passport") || typeWords.Contains("kyc") || (typeWords.Contains("document") && typeWords.Any(w => w is "identity" or "id" or "travel"))
            // An identity check or verification (IdCheck, IdentityVerification) records the document it saw.
            || (typeWords.Any(w => w is "id" or "identity") && typeWords.Any(w => w is "check" or "checks" or "verification" or "scan")))
        {
            return true;
        }
        foreach (var member in document.GetMembers())
        {
            if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared && member is IFieldSymbol)
            {
                continue;
            }
            var memberWords = NameWords.Split(member.Name);
            if (IsBirthDateName(memberWords) || memberWords.Any(w => w is "nationality" or "issuing" or "mrz")
                || (memberWords.Contains("country") && memberWords.Contains("issue")))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A bare <c>FullName</c> of the application's own types (a booking's, an applicant's, a visitor's)
    /// or a <c>fullName</c> parameter of its own methods is a person's name. The framework's full names
    /// are code's or a file's (<c>Type.FullName</c>, a zip entry's, a gRPC method's), and so are those of
    /// types the source writes in their image, named for what they describe (<c>…Entry</c>, <c>…Method</c>).
    /// </summary>
    private static bool IsOwnFullName(ISymbol symbol, IReadOnlyList<string> words)
    {
        if (words.Count != 2 || words[0] != "full" || words[1] != "name" || symbol.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }
        if (symbol is IParameterSymbol)
        {
            return true;
        }
        if (symbol is not (IPropertySymbol or IFieldSymbol) || symbol.ContainingType is not { } owner || IsReflectedName(owner))
        {
            return false;
        }
        var ownerWords = NameWords.Split(owner.Name);
        return ownerWords.Count == 0 || !CodeOrFileNouns.Contains(ownerWords[ownerWords.Count - 1]);
    }

    /// <summary>
    /// A call record's <c>CallerName</c>: the name the caller gave or a caller-name lookup returned. A local or
    /// a parameter named so is as often a calling method's name handed on from <c>[CallerMemberName]</c>.
    /// </summary>
    private static bool IsCallersName(ISymbol symbol, List<string> words) =>
        symbol is IPropertySymbol or IFieldSymbol && words.Count >= 2 && words[words.Count - 2] == "caller" && words[words.Count - 1] is "name" or "names"
        && TypeOf(symbol)?.SpecialType == SpecialType.System_String && OwnRecordWords(symbol) is not null;

    /// <summary>
    /// A bare <c>Address</c> of the application's own record that also holds a postcode and identifies a person
    /// (<c>GasEscapeReport.Address</c> beside <c>Postcode</c> and <c>ReporterPhone</c>): where that person lives or
    /// was, to the door. A server's address has no postcode beside it, and a record of a place (a store, a
    /// depot, a supplier) keeps its own address whoever else it names.
    /// </summary>
    private static bool IsPersonsPostalAddress(ISymbol symbol, List<string> words, TelemetryOptions options) =>
        words is ["address"] && TypeOf(symbol)?.SpecialType == SpecialType.System_String
        && OwnRecordWords(symbol) is { } ownerWords && !ownerWords.Any(PlaceWords.Contains)
        && HasPostcodeMember(symbol.ContainingType) && NamesPersonBeside(symbol, options);

    private static bool HasPostcodeMember(INamedTypeSymbol type) =>
        type.GetMembers().Any(m => m.Name is "Postcode" or "PostCode" or "PostalCode" or "ZipCode" or "Zip");

    /// <summary>Records of places and organisations, whose address is theirs.</summary>
    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "store", "shop", "depot", "site", "branch", "office", "venue", "warehouse", "station", "clinic", "practice", "school",
        "campus", "building", "premises", "supplier", "company", "business", "organisation", "organization", "merchant",
        "provider", "facility", "hospital", "surgery", "pharmacy", "restaurant", "hotel",
    };

    /// <summary>
    /// The first lines of a postal address (<c>Line1</c>, <c>AddressLine2</c>, <c>address1</c>,
    /// <c>StreetAddress</c>): a house and its street, which narrow the address to one household, as a
    /// full postcode nearly does. A numbered line counts when the name or its type says address
    /// (<c>AddressLine1</c>, a <c>PostalAddress</c>'s <c>Line1</c>, a request's <c>ChosenLine1</c> beside its
    /// <c>Postcode</c>); a line of a file or a receipt does not.
    /// </summary>
    private static bool IsStreetAddressLine(ISymbol symbol, List<string> words)
    {
        if (TypeOf(symbol)?.SpecialType != SpecialType.System_String || words.Count == 0)
        {
            return false;
        }
        var end = words.Count;
        while (end > 0 && words[end - 1].All(char.IsDigit))
        {
            end--;
        }
        if (end == 0)
        {
            return false;
        }
        var numbered = end < words.Count;
        var last = words[end - 1];
        if (last == "address")
        {
            // StreetAddress, address1; not emailAddress, ipAddress or a bare address of a machine.
            return (end >= 2 && words[end - 2] == "street") || (numbered && end == 1);
        }
        if (last != "line" || !numbered)
        {
            return false;
        }
        if (end >= 2 && words[end - 2] == "address")
        {
            return true;
        }
        var owner = symbol.ContainingType;
        return owner is not null
            && (owner.Name.IndexOf("Address", StringComparison.Ordinal) >= 0
                || HasPostcodeMember(owner));
    }

    /// <summary>
    /// Who sent a message the service received (<c>mail.From</c>, <c>sms.From</c>, <c>envelope.Sender</c>,
    /// <c>message.ReplyTo</c>): an address or a number, as text or as an address object. Where it was sent
    /// to (<c>To</c>) is as often the service's own mailbox or number, and is left to its name.
    /// </summary>
    private static bool IsMessageSender(ISymbol symbol, List<string> words)
    {
        if (symbol is not (IPropertySymbol or IFieldSymbol) || symbol.ContainingType is not { } message
            || !(words is ["from"] or ["sender"] or ["reply", "to"] or ["envelope", "from"] or ["mail", "from"])
            || TypeOf(symbol) is not { } type || IsDate(type) || (type.SpecialType != SpecialType.System_String && !IsAddressType(type)))
        {
            return false;
        }
        var typeWords = NameWords.Split(message.Name);
        if (!typeWords.Any(w => w is "mail" or "email" or "message" or "sms" or "mms" or "envelope" or "inbound"))
        {
            return false;
        }
        // A message received: named so, or the application's own type for one. A library's message type
        // (System.Net.Mail.MailMessage) is as often one the service sends from its own address, and a
        // status callback or delivery receipt reports on a message the service sent.
        if (typeWords.Any(w => w is "status" or "callback" or "receipt" or "delivery" or "outbound" or "outgoing" or "sent" or "draft"))
        {
            return false;
        }
        return typeWords.Any(w => w is "inbound" or "received" or "incoming") || !message.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>A mail address type (MailAddress, MailboxAddress, InternetAddressList) or a list of them.</summary>
    private static bool IsAddressType(ITypeSymbol type)
    {
        var element = type is IArrayTypeSymbol array ? array.ElementType
            : type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && generic.SpecialType == SpecialType.None
                && generic.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) ? generic.TypeArguments[0]
            : type;
        return NameWords.Split(element.Name) is { Count: > 0 } typeWords && typeWords[typeWords.Count - 1] is "address" or "addresses" or "mailbox" or "list" && typeWords.Any(w => w is "mail" or "mailbox" or "address" or "internet" or "email");
    }

    /// <summary>
    /// A value read from a member that names code, not a person (<c>adaptation.Member</c> of a contract's
    /// versions, <c>result.MemberNames</c>): a key such as <c>{Member}</c> does not make it an identifier.
    /// </summary>
    public static bool NamesCodeMember(IOperation value)
    {
        var unwrapped = OperationTree.Unwrap(value);
        if (unwrapped is IInvocationOperation { TargetMethod.Name: "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" } element
            && (element.Instance ?? element.Arguments.FirstOrDefault()?.Value) is { } source)
        {
            unwrapped = OperationTree.Unwrap(source);
        }
        return ReferencedSymbol(unwrapped) is { } symbol && IsCodeMemberName(symbol, NameWords.Split(symbol.Name));
    }

    /// <summary>
    /// The member half of a code coordinate: <c>MemberName</c> beside a <c>TypeName</c> or a
    /// <c>DeclaringType</c> (a GraphQL schema coordinate, a binding path, a validation member) names a
    /// field or property of code, not a club member; so is the <c>Member</c> of a change beside its
    /// before and after values.
    /// </summary>
    private static bool IsCodeMemberName(ISymbol symbol, IReadOnlyList<string> words)
    {
        // A primary constructor's parameter is the member it declares: judged by the type it belongs to.
        var owner = symbol switch
        {
            IPropertySymbol or IFieldSymbol => symbol.ContainingType,
            IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } => constructor.ContainingType,
            _ => null,
        };
        return owner is not null
            && ((words.Count == 2 && words[0] == "member" && words[1] is "name" or "names"
                    // ValidationResult.MemberNames: the properties a validation message is about.
                    && owner.GetMembers().Any(m => m.Name is "TypeName" or "DeclaringType" or "DeclaringTypeName" or "ContainingType" or "ContainingTypeName" or "ErrorMessage"))
                // MemberChange(Member, Before, After), a diff's entry: the member is the field that changed, its
                // values are beside it; ContractAdaptationException(from, to, member, reason): the field one
                // version of a contract has and the other has not.
                || (words.Count is 1 or 2 && words[0] == "member" && (words.Count == 1 || words[1] is "name" or "path")
                    && owner.GetMembers().Any(m => m.Name is "Before" or "After" or "OldValue" or "NewValue" or "Previous" or "Current" or "From" or "To")));
    }

    /// <summary>Head nouns of types whose full name is code's or a file's, not a person's.</summary>
    private static readonly HashSet<string> CodeOrFileNouns = new(StringComparer.Ordinal)
    {
        "type", "types", "method", "member", "property", "field", "info", "descriptor", "symbol", "assembly", "module", "namespace",
        "entry", "file", "folder", "directory", "path", "blob", "object", "item", "node", "schema", "service", "definition",
    };

    /// <summary>
    /// A device's id or serial number held next to a person's identifier (<c>DeviceId</c> beside
    /// <c>SubscriberId</c> in one token, <c>SerialNumber</c> beside <c>CustomerEmail</c> in a warranty
    /// registration, a <c>deviceId</c> parameter beside <c>subscriberId</c>): the record ties the
    /// device to that person, so its id singles them out as an online identifier does. A device
    /// named without anyone beside it (a ventilator, a ticket validator, a grid sensor) stays a thing.
    /// </summary>
    private static bool IsPersonsDeviceIdentifier(ISymbol symbol, IReadOnlyList<string> words, TelemetryOptions options)
    {
        if (!IsDeviceIdentifierName(words) || !IsScalar(TypeOf(symbol)))
        {
            return false;
        }
        // Another device word (DeviceToken) or an audit field (RegisteredBy, ReportedByPlayerId) does not name the device's person.
        return HasPersonIdentifierBeside(symbol, options, siblingWords => siblingWords.Contains("device") || IsDeviceIdentifierName(siblingWords) || siblingWords.Contains("by"));
    }

    /// <summary>
    /// Whether a member, a record's or a method's parameter stands beside one that identifies a person by its
    /// name (the record or the call is about that person); <paramref name="ignore"/> leaves out siblings that
    /// say nothing of whose the value is.
    /// </summary>
    private static bool HasPersonIdentifierBeside(ISymbol symbol, TelemetryOptions options, Func<List<string>, bool> ignore)
    {
        var siblings = symbol switch
        {
            IParameterSymbol { ContainingSymbol: IMethodSymbol method } => method.MethodKind == MethodKind.Constructor && method.ContainingType.IsRecord
                ? method.ContainingType.GetMembers()
                : method.Parameters.CastArray<ISymbol>(),
            IPropertySymbol or IFieldSymbol when symbol.ContainingType is { } owner => owner.GetMembers(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        foreach (var sibling in siblings)
        {
            if (sibling is not (IPropertySymbol or IFieldSymbol or IParameterSymbol) || sibling.IsImplicitlyDeclared
                || SymbolEqualityComparer.Default.Equals(sibling, symbol) || !IsScalar(TypeOf(sibling)))
            {
                continue;
            }
            var siblingWords = NameWords.Split(sibling.Name);
            if (siblingWords.Count == 0 || ignore(siblingWords))
            {
                continue;
            }
            if (options.IsIdentifierName(siblingWords, out var siblingDomain) && siblingDomain != "text")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>DeviceId</c>, <c>PlaybackDeviceId</c>, <c>DeviceSerial</c>, <c>SerialNumber</c>, <c>HubSerial</c>, <c>HardwareId</c>.</summary>
    private static bool IsDeviceIdentifierName(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return false;
        }
        var last = words[words.Count - 1];
        if (last is "serial" or "serials")
        {
            return true;
        }
        if (words.Count >= 2 && last is "number" or "no" or "nr" && words[words.Count - 2] == "serial")
        {
            return true;
        }
        return words.Count >= 2 && last is "id" or "ids" or "identifier" or "uid" && words[words.Count - 2] is "device" or "hardware";
    }

    /// <summary><c>dateOfBirth</c>, <c>dob</c>, <c>birthDate</c>, <c>carerBirthday</c>: a date that says when someone was born.</summary>
    private static bool IsBirthDateName(IReadOnlyList<string> words) =>
        words.Any(w => w is "birth" or "dob" or "birthdate" or "birthday" or "born");

    /// <summary>Types an identifier is carried in: text, numbers and GUIDs (not objects, whose ToString says little).</summary>
    public static bool IsScalar(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        if (type is null)
        {
            return false;
        }
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Char:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
                return true;
        }
        // An IP address, an endpoint or a MAC address identifies the person behind it (client.address);
        // its ToString is the address.
        return type.Name == "Guid" && type.ContainingNamespace?.Name == "System"
            || IsNetworkAddress(type) || IsMailAddress(type) || IsUri(type)
            || (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte });
    }

    private static bool IsMailAddress(ITypeSymbol type) =>
        type.Name is "MailAddress" or "MailAddressCollection" or "MailboxAddress" or "InternetAddressList"
        && type.ContainingNamespace?.ToDisplayString() is "System.Net.Mail" or "MimeKit";

    /// <summary>The nodes of LINQ to XML, which print as the XML they hold: elements, attributes, documents, text.</summary>
    private static bool IsXmlNode(ITypeSymbol? type) =>
        type is { Name: "XElement" or "XAttribute" or "XDocument" or "XText" or "XCData" or "XComment" or "XStreamingElement" }
        && type.ContainingNamespace?.ToDisplayString() == "System.Xml.Linq";

    /// <summary><c>System.Uri</c>: its text is the address it was made from.</summary>
    internal static bool IsUri(ITypeSymbol? type) =>
        type is { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>The text and <c>Uri</c> arguments an address (<c>new Uri(…)</c>, <c>new UriBuilder(…)</c>) is made from.</summary>
    private static IEnumerable<IOperation> AddressTextArguments(IObjectCreationOperation creation) =>
        creation.Arguments
            .Where(a => a.ArgumentKind != ArgumentKind.DefaultValue && (a.Value.Type?.SpecialType == SpecialType.System_String || IsUri(a.Value.Type)))
            .Select(a => a.Value);

    private static bool IsNetworkAddress(ITypeSymbol type) =>
        (type.Name is "IPAddress" or "IPEndPoint" && type.ContainingNamespace?.ToDisplayString() == "System.Net")
        || (type.Name == "PhysicalAddress" && type.ContainingNamespace?.ToDisplayString() == "System.Net.NetworkInformation");

    public static string Describe(IOperation operation)
    {
        var text = ConditionalAccessText(operation.Syntax) ?? operation.Syntax.ToString();
        text = string.Join(" ", text.Split(new[] { '\r', '\n', '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>
    /// <c>.Name</c> in <c>user.Identity?.Name</c> says nothing alone: the text runs from the start of the
    /// outermost <c>?.</c> chain to the end of the member.
    /// </summary>
    private static string? ConditionalAccessText(SyntaxNode syntax)
    {
        if (syntax is not (MemberBindingExpressionSyntax or ElementBindingExpressionSyntax))
        {
            return null;
        }
        ConditionalAccessExpressionSyntax? outermost = null;
        for (var node = syntax.Parent; node is not null; node = node.Parent)
        {
            if (node is ConditionalAccessExpressionSyntax access && access.WhenNotNull.Span.Contains(syntax.Span))
            {
                outermost = access;
            }
            else if (node is not ExpressionSyntax)
            {
                break;
            }
        }
        return outermost is null ? null : outermost.ToString().Substring(0, syntax.Span.End - outermost.SpanStart);
    }
}

/// <summary>
/// A parameter of a project method that the method sends on to telemetry: its callers' argument is a
/// sink, whole or, when <see cref="Member"/> is set, by that member of it.
/// </summary>
internal sealed class ForwardedSink
{
    public ForwardedSink(IParameterSymbol parameter, SinkKind kind, string? keyName, ISymbol? member = null)
    {
        Parameter = parameter;
        Kind = kind;
        KeyName = keyName;
        Member = member;
    }

    public IParameterSymbol Parameter { get; }

    /// <summary>The field or property of the parameter that is sent (<c>command.AccountNumber</c>); null when the parameter is sent itself.</summary>
    public ISymbol? Member { get; }

    public SinkKind Kind { get; }

    public string? KeyName { get; }
}
