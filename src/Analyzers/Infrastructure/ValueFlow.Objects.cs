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

// The value flow, continued: Objects that print or serialise an identifier member.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// An object logged whole with <c>{@Order}</c> is serialised member by member: an identifier
    /// among its public members (or theirs) leaks, whatever its <c>ToString</c> says.
    /// </summary>
    public FlowResult EvaluateDestructured(IOperation value, bool redactsClassifiedMembers, TelemetryOptions options, CancellationToken cancellationToken)
    {
        var frame = new Frame(options, new HashSet<object>(), cancellationToken);
        var operation = OperationTree.Unwrap(value);
        if (redactsClassifiedMembers && operation.Type is { } logged && !IsScalar(logged))
        {
            // [LogProperties]: classified members are redacted by the logging generator; the others are written.
            return MemberIdentifier(logged as INamedTypeSymbol, frame, (t, f) => null, skipClassified: true) is { } written
                ? Found(operation, written.Domain, $"{Describe(operation)} (its member {written.Origin})")
                : FlowResult.Unknown;
        }
        if (operation.Type is { } type && !IsScalar(type) && ObjectIdentifier(operation, frame, serialized: true, visited: null, 0) is { } member)
        {
            return Found(operation, member.Domain, $"{Describe(operation)} (its member {member.Origin})");
        }
        return Evaluate(value, frame, 0);
    }

    /// <summary>A value shown to be a pseudonym: sanitized, with no identifier or unkeyed hash in it.</summary>
    private static bool IsPseudonymised(FlowResult value) => value.Sanitized && value.Identifier is null && value.Hash is null;

    /// <summary>A count or total of a sequence (<c>recipients.Count(…)</c>, <c>list.Count</c>, <c>Sum</c>): a number about its elements.</summary>
    internal static bool IsTally(IOperation value) =>
        OperationTree.Unwrap(value) switch
        {
            IInvocationOperation { TargetMethod: { Name: "Count" or "LongCount" or "Sum", ContainingType.Name: "Enumerable" or "Queryable" } } => true,
            IPropertyReferenceOperation { Property.Name: "Count" or "Length", Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } => true,
            // _noMobileCount, missingEmailTotal: a whole number named for what it counts.
            { Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } counted when ReferencedSymbol(counted) is { } counter
                && NameWords.Split(counter.Name) is { Count: > 1 } words && words[words.Count - 1] is "count" or "counts" or "total" or "totals" or "tally" => true,
            _ => false,
        };

    private FlowResult EvaluateAnonymous(IAnonymousObjectCreationOperation anonymous, Frame frame, int depth)
    {
        // new { PatientId = id } prints "{ PatientId = … }": its member names and values both count.
        var result = FlowResult.Safe;
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                var value = Evaluate(assignment.Value, frame, depth + 1);
                // Member = member.Value of a Pseudonym: the name says "member", the value is a pseudonym;
                // Email = recipients.Count(…): the name says "email", the value is shown to be a count.
                var pseudonym = IsPseudonymised(value);
                if (CarriesIdentifier(property.Type) && IsIdentifierSymbol(property.Property, frame.Options, out var domain) && !assignment.Value.ConstantValue.HasValue && !pseudonym
                    && !value.Proven && !IsTally(assignment.Value))
                {
                    return Found(anonymous, domain, $"{Describe(anonymous)} (its member {property.Property.Name})");
                }
                result = FlowResult.Combine(result, value);
            }
        }
        return Rewrapped(result, anonymous);
    }

    /// <summary>
    /// The identifier member an object value exposes when it is printed or serialised. A copy made
    /// with <c>with { Mrn = "redacted" }</c> exposes what the copy holds: a member overwritten by a
    /// constant is no longer the person's.
    /// </summary>
    /// <param name="visited">The locals already followed; made when the first one is (most values are no local of an exposing type).</param>
    private IdentifierFinding? ObjectIdentifier(IOperation value, Frame frame, bool serialized, HashSet<ILocalSymbol>? visited, int depth)
    {
        var operation = OperationTree.Unwrap(value);
        if (operation.Type is not { } type || IsScalar(type) || depth > MaxDepth)
        {
            return null;
        }
        // What the type can expose bounds what any value of it exposes: most values expose nothing,
        // and then their assignments need no walk.
        var exposed = serialized ? SerializedIdentifier(type, frame) : PrintedIdentifier(type, frame);
        if (exposed is null)
        {
            // No member is named for an identifier, but the object built here may be given one:
            // new PlayerKicked(matchId, KickedBy: accountId) prints the account id all the same.
            return serialized || type is INamedTypeSymbol { IsRecord: true } ? BuiltInSight(operation, frame, serialized, depth) : null;
        }
        switch (operation)
        {
            case ILocalReferenceOperation local:
                visited ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
                if (!visited.Add(local.Local))
                {
                    return null;
                }
                var writes = LocalWrites(local.Local, OperationTree.Root(local));
                if (writes.Count > 0 && writes.All(w => w.Element < 0 && w.Value is not IArgumentOperation && !IsForEachCollection(w.Value)))
                {
                    foreach (var (write, _) in writes)
                    {
                        if (Narrows(local.Local.Type, OperationTree.Unwrap(write).Type))
                        {
                            // case PlayerJoined joined: the local is the derived record, with members its input's type lacks.
                            return exposed;
                        }
                        if (ObjectIdentifier(write, frame, serialized, visited, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }
                    return null;
                }
                break;
            case IAnonymousObjectCreationOperation anonymous:
                // Written here, so its values can be judged, not only its member names: new { Member = pseudonym.Value } prints a pseudonym.
                foreach (var assignment in anonymous.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is not IPropertyReferenceOperation property || assignment.Value.ConstantValue.HasValue)
                    {
                        continue;
                    }
                    var held = Evaluate(assignment.Value, frame, depth + 1);
                    if (held.Identifier is { } carried)
                    {
                        return carried;
                    }
                    var pseudonym = IsPseudonymised(held);
                    if (!pseudonym && !held.Proven && !IsTally(assignment.Value) && CarriesIdentifier(property.Type) && IsIdentifierSymbol(property.Property, frame.Options, out var domain))
                    {
                        return new IdentifierFinding($"{Describe(anonymous)} (its member .{property.Property.Name})", domain, anonymous);
                    }
                    if (!pseudonym && ObjectIdentifier(assignment.Value, frame, serialized, visited, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }
                return null;
            case IObjectCreationOperation { Type: INamedTypeSymbol created } creation
                when !created.DeclaringSyntaxReferences.IsEmpty && NamedMembersGivenNothingPersonal(creation, created, frame, depth):
                // new PlayerKicked(matchId, KickedBy: "moderator"): the member named for a person holds a constant or a
                // pseudonym here, so what the object prints is what its other members are given.
                return BuiltInSight(creation, frame, serialized, depth);
            case IWithOperation { Initializer: { } initializer } copy when copy.Type is INamedTypeSymbol copied:
                // A copy of a copy (var safe = received with { GuardianEmail = null }; … safe with { StudentNumber = … }):
                // each member holds what the latest copy that set it gave it.
                var replaced = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                var copies = 0;
                for (var current = copy; current is not null && copies < MaxCopyChain; current = EarlierCopy(current.Operand), copies++)
                {
                    if (current.Initializer is null)
                    {
                        continue;
                    }
                    foreach (var assignment in current.Initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (OperationTree.Unwrap(assignment.Target) is IMemberReferenceOperation target && replaced.Add(target.Member)
                            && !assignment.Value.ConstantValue.HasValue && Evaluate(assignment.Value, frame, depth + 1).Identifier is { } assigned)
                        {
                            return assigned;
                        }
                    }
                }
                return MemberIdentifier(copied, frame, serialized ? (t, f) => SerializedIdentifier(t, f) : (t, f) => PrintedIdentifier(t, f), replaced: replaced, serialized: serialized, printed: !serialized);
        }
        return exposed;
    }

    /// <summary>
    /// Whether a creation in sight gives every public member named for an identifier a constant or a
    /// pseudonym (by a positional argument of the same name or an initializer).
    /// </summary>
    private bool NamedMembersGivenNothingPersonal(IObjectCreationOperation creation, INamedTypeSymbol created, Frame frame, int depth)
    {
        var any = false;
        foreach (var property in created.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || property.DeclaredAccessibility != Accessibility.Public || !CarriesIdentifier(property.Type)
                || !IsIdentifierSymbol(property, frame.Options, out _))
            {
                continue;
            }
            any = true;
            var given = GivenAtCreation(creation, property);
            if (given is null || !(given.ConstantValue.HasValue || IsPseudonymised(Evaluate(given, frame, depth + 1))))
            {
                return false;
            }
        }
        return any;
    }

    /// <summary>
    /// What a creation gives a member: the constructor argument named like it (a record's positional
    /// parameter), or the object initializer's assignment to it.
    /// </summary>
    private static IOperation? GivenAtCreation(IObjectCreationOperation creation, ISymbol member) =>
        creation.Arguments.FirstOrDefault(a => a.ArgumentKind != ArgumentKind.DefaultValue
                && string.Equals(a.Parameter?.Name, member.Name, StringComparison.OrdinalIgnoreCase))?.Value
            ?? creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(i => i.Target is IMemberReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Member, member))?.Value;

    /// <summary>
    /// The identifier an object created in this method puts into a member it exposes: a record's
    /// positional argument, a serialised type's constructor argument named like a public property,
    /// or an object initializer's public property. A local is followed to what it was given.
    /// </summary>
    private IdentifierFinding? BuiltInSight(IOperation operation, Frame frame, bool serialized, int depth)
    {
        for (var hops = 0; operation is ILocalReferenceOperation local && hops < MaxCopyChain; hops++)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            if (writes.Count != 1 || writes[0].Element >= 0 || writes[0].Value is IArgumentOperation)
            {
                return null;
            }
            operation = OperationTree.Unwrap(writes[0].Value);
        }
        if (operation is not IObjectCreationOperation { Type: INamedTypeSymbol created } creation || created.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }
        // A record prints every member unless its own PrintMembers chooses.
        var printsAll = created.IsRecord && !created.GetMembers("PrintMembers").Any(m => !m.IsImplicitlyDeclared);
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.Value.ConstantValue.HasValue || !CarriesIdentifier(parameter.Type)
                || ExposedProperty(created, parameter.Name, printsAll || serialized, serialized) is not { } property
                || (!serialized && PrintsItsTypeName(property.Type)))
            {
                continue;
            }
            if (Evaluate(argument.Value, frame, depth + 1).Identifier is { } given)
            {
                return new IdentifierFinding($"{property.Name}, given {given.Origin}", given.Domain, given.WrapTarget);
            }
        }
        if (!printsAll && !serialized)
        {
            return null;
        }
        foreach (var assignment in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is IPropertyReferenceOperation { Property: { DeclaredAccessibility: Accessibility.Public, IsStatic: false } property }
                && !(serialized && IsLeftOutOfJson(property)) && (serialized || !PrintsItsTypeName(property.Type))
                && !assignment.Value.ConstantValue.HasValue && CarriesIdentifier(property.Type)
                && Evaluate(assignment.Value, frame, depth + 1).Identifier is { } given)
            {
                return new IdentifierFinding($"{property.Name}, given {given.Origin}", given.Domain, given.WrapTarget);
            }
        }
        return null;
    }

    /// <summary>
    /// The public instance property a constructor parameter fills, matched by name as a record's
    /// positional parameters are; for a serialiser, one it writes.
    /// </summary>
    private static IPropertySymbol? ExposedProperty(INamedTypeSymbol type, string parameterName, bool exposesProperties, bool serialized)
    {
        if (!exposesProperties)
        {
            return null;
        }
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsIndexer: false } property
                    && string.Equals(property.Name, parameterName, StringComparison.OrdinalIgnoreCase) && !(serialized && IsLeftOutOfJson(property)))
                {
                    return property;
                }
            }
        }
        return null;
    }

    /// <summary>Whether a local's type is a type derived from what was written into it (a type pattern, a cast).</summary>
    private static bool Narrows(ITypeSymbol local, ITypeSymbol? written)
    {
        if (written is null || SymbolEqualityComparer.Default.Equals(local, written))
        {
            return false;
        }
        for (var current = local.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, written))
            {
                return true;
            }
        }
        return written.TypeKind == TypeKind.Interface && local.AllInterfaces.Contains((INamedTypeSymbol)written, SymbolEqualityComparer.Default);
    }

    /// <summary>How many copies made with <c>with</c> are followed back; a local copied into itself ends the chain.</summary>
    private const int MaxCopyChain = 8;

    /// <summary>The copy a value was made from when it is one: <c>x with { … }</c>, or a local written once with one.</summary>
    private static IWithOperation? EarlierCopy(IOperation operand)
    {
        var unwrapped = OperationTree.Unwrap(operand);
        if (unwrapped is IWithOperation direct)
        {
            return direct;
        }
        if (unwrapped is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            if (writes.Count == 1 && writes[0].Element < 0 && OperationTree.Unwrap(writes[0].Value) is IWithOperation written)
            {
                return written;
            }
        }
        return null;
    }

    /// <summary>
    /// The identifier member a value of this type prints: records and anonymous types print every
    /// public member; a class or struct whose source <c>ToString</c> returns one prints it.
    /// </summary>
    private IdentifierFinding? PrintedIdentifier(ITypeSymbol type, Frame frame)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            return PrintedByConstrainedTypes(parameter, frame);
        }
        if (SignedInUser(type, serialized: false) is { } user)
        {
            return user;
        }
        if (type is not INamedTypeSymbol named || IsScalar(type) || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || IsException(type)
            || (named.DeclaringSyntaxReferences.IsEmpty && !named.IsAnonymousType) || IsGenerated(named))
        {
            return HeadersOf(type);
        }
        // Keyed by the constructed type: Wrapper<CreateOrder> and Wrapper<CancelOrder> expose different members.
        if (_printedMembers.TryGetValue(named, out var cached))
        {
            return cached;
        }
        return SearchMembers(named, "printed", _printedMembers, frame, () =>
        {
            if (named.IsAbstract && named.TypeKind == TypeKind.Class)
            {
                // A union's base (abstract record EnrolmentRefusal with its cases): a value of it is one of
                // the cases the source derives from it, each printing its own members.
                foreach (var derived in _index.DirectlyDerivedTypes(named, frame.CancellationToken))
                {
                    if (!derived.IsGenericType && PrintedIdentifier(derived, frame) is { } inCase)
                    {
                        return inCase;
                    }
                }
            }
            var wrapped = WrappedIdentifier(named, frame.Options);
            var toString = named.GetMembers("ToString").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty && !m.IsImplicitlyDeclared && !m.DeclaringSyntaxReferences.IsEmpty);
            if (toString is not null && FormatsItselfWhole(toString, frame.CancellationToken))
            {
                // ToString() => JsonFormatter.ToDiagnosticString(this) (a protobuf message), JsonSerializer.Serialize(this):
                // it prints what the formatter writes.
                return SerializedIdentifier(named, frame);
            }
            if (toString is not null)
            {
                // A strongly typed id prints what it wraps, unless its ToString shows it masked or hashed.
                var printed = Returns(toString, -1, frame, 0);
                return printed.Identifier
                    ?? (wrapped is not null && !printed.Proven && printed.Hash is null ? wrapped : null)
                    ?? PrintedTypeArgument(named, toString, frame);
            }
            if (wrapped is not null && named.IsRecord)
            {
                // record struct PatientId(Guid Value) prints "PatientId { Value = … }".
                return wrapped;
            }
            var printMembers = named.IsRecord
                ? named.GetMembers("PrintMembers").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsImplicitlyDeclared && !m.DeclaringSyntaxReferences.IsEmpty)
                : null;
            if (printMembers is not null)
            {
                return PrintMembersIdentifier(named, printMembers, frame);
            }
            return named.IsRecord || named.IsAnonymousType ? MemberIdentifier(named, frame, recurse: (t, f) => PrintedIdentifier(t, f), printed: true) : null;
        });
    }

    /// <summary>
    /// What a generic wrapper prints of the type it is constructed with: <c>Result&lt;Enrolment, Refusal&gt;</c>
    /// whose <c>ToString</c> returns <c>$"Ok({_value})"</c> prints its enrolment, and so what an enrolment prints.
    /// </summary>
    private IdentifierFinding? PrintedTypeArgument(INamedTypeSymbol named, IMethodSymbol toString, Frame frame)
    {
        if (!named.IsGenericType || SymbolEqualityComparer.Default.Equals(named, named.OriginalDefinition))
        {
            return null;
        }
        var definition = named.OriginalDefinition;
        foreach (var body in Bodies(toString.OriginalDefinition, frame.CancellationToken))
        {
            foreach (var read in OperationTree.Descendants(body).OfType<IMemberReferenceOperation>())
            {
                if (read.Instance is not IInstanceReferenceOperation || read.Member is not (IFieldSymbol or IPropertySymbol)
                    || TypeOf(read.Member) is not ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type } parameter
                    || !SymbolEqualityComparer.Default.Equals(parameter.DeclaringType, definition)
                    || named.TypeArguments[parameter.Ordinal] is not { } argument)
                {
                    continue;
                }
                if (PrintedIdentifier(argument, frame) is { } inside)
                {
                    return inside;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// A value of a type parameter constrained to a type (<c>TRequest : IRequest&lt;TResponse&gt;</c> in a
    /// logging pipeline behaviour, <c>T : ICacheableQuery</c>): any of the source's types that implement or
    /// derive from that constraint, each printing its own members. Unconstrained, it is not judged.
    /// </summary>
    private IdentifierFinding? PrintedByConstrainedTypes(ITypeParameterSymbol parameter, Frame frame)
    {
        // A constraint narrows the requests a behaviour is registered for (TRequest : ITimetableQuery).
        var constraints = parameter.ConstraintTypes.OfType<INamedTypeSymbol>().ToList();
        foreach (var constraint in constraints.Count > 0 ? constraints : PipelineRequestTypes(parameter).Concat(InterceptedMessageTypes(parameter)))
        {
            if (constraint.TypeKind is not (TypeKind.Interface or TypeKind.Class) || constraint.SpecialType == SpecialType.System_Object)
            {
                continue;
            }
            foreach (var candidate in _index.DirectlyDerivedTypes(constraint, frame.CancellationToken))
            {
                if (!candidate.IsGenericType && !candidate.IsAbstract && PrintedIdentifier(candidate, frame) is { } printed)
                {
                    return printed;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// A gRPC interceptor's <c>TRequest</c> and <c>TResponse</c> in its unary handlers
    /// (<c>UnaryServerHandler&lt;TRequest, TResponse&gt;</c>, <c>AsyncUnaryCall</c>, <c>BlockingUnaryCall</c>
    /// of a class deriving from <c>Interceptor</c>): registered for a host or a channel, it sees every
    /// message of the calls it wraps, the protobuf messages the source's generated code declares.
    /// </summary>
    private IEnumerable<INamedTypeSymbol> InterceptedMessageTypes(ITypeParameterSymbol parameter)
    {
        // Only the unary handlers: a streaming one sees the messages of the streaming methods alone,
        // which a type parameter does not tell apart from the rest.
        if (_known.ProtobufMessage is not { } message || _known.GrpcInterceptor is not { } interceptor
            || parameter.DeclaringMethod is not { Name: "UnaryServerHandler" or "AsyncUnaryCall" or "BlockingUnaryCall", ContainingType: { } declaring })
        {
            yield break;
        }
        for (var type = declaring.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interceptor))
            {
                yield return message;
                yield break;
            }
        }
    }

    /// <summary>
    /// A MediatR pipeline behaviour's <c>TRequest</c> (<c>: IPipelineBehavior&lt;TRequest, TResponse&gt; where TRequest : notnull</c>):
    /// registered open, the behaviour runs for every request, so its request is any type the source sends,
    /// one that implements MediatR's <c>IRequest</c> or <c>IRequest&lt;TResponse&gt;</c>.
    /// </summary>
    private static IEnumerable<INamedTypeSymbol> PipelineRequestTypes(ITypeParameterSymbol parameter)
    {
        if (parameter.DeclaringType is not { } behaviour)
        {
            yield break;
        }
        foreach (var implemented in behaviour.AllInterfaces)
        {
            if (implemented is { Name: "IPipelineBehavior", TypeArguments.Length: 2 } && implemented.ContainingNamespace?.Name == "MediatR"
                && SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], parameter))
            {
                foreach (var request in implemented.ContainingNamespace.GetTypeMembers("IRequest"))
                {
                    yield return request;
                }
                yield break;
            }
        }
    }

    /// <summary>
    /// An interface's or abstract class's property: what the source's types that implement it (one level
    /// down) return from their getters or hold in their own storage.
    /// </summary>
    private FlowResult ImplementedPropertyValues(IMemberReferenceOperation read, IPropertySymbol contract, Frame frame, int depth)
    {
        var owner = contract.ContainingType;
        var result = FlowResult.Safe;
        foreach (var type in _index.DirectlyDerivedTypes(owner, frame.CancellationToken))
        {
            var implementation = owner.TypeKind == TypeKind.Interface
                ? type.FindImplementationForInterfaceMember(contract.OriginalDefinition) as IPropertySymbol
                : type.GetMembers(contract.Name).OfType<IPropertySymbol>().FirstOrDefault(p => p.IsOverride);
            if (implementation is not { GetMethod: { } getter } || implementation.DeclaringSyntaxReferences.IsEmpty)
            {
                continue;
            }
            var callee = frame.For(_optionsFor(implementation.DeclaringSyntaxReferences[0].SyntaxTree));
            var held = IsAutoProperty(implementation) ? Stores(implementation, callee, depth + 1) : Returns(getter, -1, callee, depth + 1).WithoutParameters();
            if (held.Identifier is null && IsIdentifierSymbol(implementation, callee.Options, out var domain) && !IsPseudonymised(held))
            {
                held = Found(read, domain, $"{Describe(read)} ({type.Name}.{implementation.Name})");
            }
            result = FlowResult.Combine(result, held);
        }
        return result;
    }

    /// <summary>Whether a <c>ToString</c> returns what a formatter or serialiser makes of the whole object (<c>this</c> is an argument of the call it returns).</summary>
    private bool FormatsItselfWhole(IMethodSymbol toString, CancellationToken cancellationToken)
    {
        foreach (var body in Bodies(toString, cancellationToken))
        {
            foreach (var returned in ReturnedValues(body))
            {
                if (OperationTree.Unwrap(returned) is IInvocationOperation call
                    && call.Arguments.Any(argument => OperationTree.Unwrap(argument.Value) is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Searches one type's members once per compilation. A type met again inside its own search (by its
    /// generic definition, so that ever larger constructions cannot recurse forever) reads as exposing
    /// nothing, and an answer that depended on such an unfinished outer type is returned but not cached.
    /// </summary>
    private static IdentifierFinding? SearchMembers(INamedTypeSymbol type, string kind, ConcurrentDictionary<ITypeSymbol, IdentifierFinding?> cache, Frame frame, Func<IdentifierFinding?> search)
    {
        var key = (kind, type.OriginalDefinition);
        var objects = frame.Objects;
        if (!frame.Active.Add(key))
        {
            var position = objects.Stack.IndexOf(key);
            objects.LowestCut = Math.Min(objects.LowestCut, position < 0 ? 0 : position);
            return null;
        }
        var outerCut = objects.LowestCut;
        objects.LowestCut = int.MaxValue;
        var mine = objects.Stack.Count;
        objects.Stack.Add(key);
        try
        {
            var found = search();
            var cut = objects.LowestCut;
            if (cut >= mine)
            {
                // Every cut was of this type or of types inside its search: the answer is complete.
                found = cache.GetOrAdd(type, found);
                cut = int.MaxValue;
            }
            objects.LowestCut = Math.Min(outerCut, cut);
            return found;
        }
        finally
        {
            objects.Stack.RemoveAt(mine);
            frame.Active.Remove(key);
        }
    }

    /// <summary>The identifier among the public members a serialiser writes, down the object graph.</summary>
    private IdentifierFinding? SerializedIdentifier(ITypeSymbol type, Frame frame)
    {
        if (type is IArrayTypeSymbol array)
        {
            return SerializedIdentifier(array.ElementType, frame);
        }
        if (SignedInUser(type, serialized: true) is { } user)
        {
            return user;
        }
        if (type is not INamedTypeSymbol named || IsScalar(type) || named.DeclaringSyntaxReferences.IsEmpty && !named.IsAnonymousType)
        {
            return HeadersOf(type) ?? (CollectionElement(type) is { } element && !IsScalar(element) ? SerializedIdentifier(element, frame) : null);
        }
        if (_serializedMembers.TryGetValue(named, out var cached))
        {
            return cached;
        }
        return SearchMembers(named, "serialized", _serializedMembers, frame, () => WrappedIdentifier(named, frame.Options) ?? MemberIdentifier(named, frame, recurse: (t, f) => SerializedIdentifier(t, f), serialized: true));
    }

    /// <summary>A framework's header or cookie collection, printed or serialised whole: the caller's credentials and address.</summary>
    private static IdentifierFinding? HeadersOf(ITypeSymbol type) =>
        type.Name.IndexOf("Header", StringComparison.Ordinal) >= 0 || type.Name.IndexOf("Cookie", StringComparison.Ordinal) >= 0
            ? (IsHeaderCollection(type) || type.AllInterfaces.Any(IsHeaderCollection) ? new IdentifierFinding("its Authorization, Cookie and forwarding headers", "token", null!) : null)
            : null;

    /// <summary>
    /// A strongly typed id or value object named for an identifier (<c>PatientId</c>, <c>StudentNumber</c>,
    /// <c>Email</c>, <c>Mpan</c>) that wraps one scalar value: the value is that identifier, whatever the
    /// member holding it is called (<c>Value</c>, <c>_value</c>). Null for any other type.
    /// </summary>
    private static IdentifierFinding? WrappedIdentifier(INamedTypeSymbol type, TelemetryOptions options) =>
        WrappedMember(type) is { } member && IsWrapperName(type.Name, options, out var domain)
            ? new IdentifierFinding(member.Name, domain, null!)
            : null;

    /// <summary>A type named for an identifier, and not for what was done to it (<c>MaskedPan</c>, <c>HashedEmail</c>).</summary>
    private static bool IsWrapperName(string name, TelemetryOptions options, out string domain)
    {
        var words = NameWords.Split(name);
        domain = "";
        return !words.Any(w => w is "masked" or "mask" or "redacted" or "hashed" or "hash" or "obfuscated" or "anonymised" or "anonymized" or "truncated" or "pseudonym" or "pseudonymised" or "pseudonymized")
            && options.IsIdentifierName(words, out domain);
    }

    /// <summary>The one scalar field or property a value object stores, when it stores exactly one.</summary>
    private static ISymbol? WrappedMember(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Struct or TypeKind.Class) || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }
        ISymbol? stored = null;
        foreach (var member in type.GetMembers())
        {
            // Fields only: a property either has a backing field (found here) or computes from one.
            if (member is not IFieldSymbol { IsStatic: false, IsConst: false } field)
            {
                continue;
            }
            if (stored is not null || !IsScalar(field.Type))
            {
                return null;
            }
            stored = field.AssociatedSymbol ?? field;
        }
        return stored;
    }

    /// <summary>
    /// The signed-in user: a <c>Claim</c> prints <c>type: value</c> (the user's name, email or subject
    /// id), and a principal or identity written out member by member carries its claims.
    /// </summary>
    private static IdentifierFinding? SignedInUser(ITypeSymbol type, bool serialized) =>
        IsClaimsType(type, "Claim") ? new IdentifierFinding("Claim.Value", "user", null!)
        : serialized && IsPrincipalOrIdentity(type) ? new IdentifierFinding($"{type.Name}.Claims", "user", null!)
        : null;

    /// <summary><paramref name="type"/> is, or derives from, <c>System.Security.Claims.<paramref name="name"/></c>.</summary>
    private static bool IsClaimsType(ITypeSymbol type, string name)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.Name == name && current.ContainingNamespace is { Name: "Claims", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A principal or identity (<c>ClaimsPrincipal</c>, <c>ClaimsIdentity</c>, any <c>IPrincipal</c> or <c>IIdentity</c>).</summary>
    private static bool IsPrincipalOrIdentity(ITypeSymbol type)
    {
        static bool IsOne(ITypeSymbol t) =>
            t.Name is "IPrincipal" or "IIdentity"
            && t.ContainingNamespace is { Name: "Principal", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
        return IsOne(type) || type.AllInterfaces.Any(IsOne);
    }

    /// <summary>The element of a sequence: <c>IEnumerable&lt;T&gt;</c> itself, or a type (an array, a list) that implements it.</summary>
    private static ITypeSymbol? SequenceElement(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } sequence
            ? sequence.TypeArguments[0]
            : CollectionElement(type);

    private static ITypeSymbol? CollectionElement(ITypeSymbol type) =>
        type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0];

    private IdentifierFinding? MemberIdentifier(INamedTypeSymbol? type, Frame frame, Func<ITypeSymbol, Frame, IdentifierFinding?> recurse, bool skipClassified = false, HashSet<ISymbol>? replaced = null, bool serialized = false, bool printed = false)
    {
        if (type is null)
        {
            return null;
        }
        // Serialisers write inherited public members too, and a record prints its base record's:
        // a UserId declared on the base event is in every derived event logged whole. An overridden
        // member is judged where it is declared last.
        HashSet<string>? seen = null;
        for (var declaring = type; declaring is not null && declaring.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); declaring = declaring.BaseType)
        {
            if (!SymbolEqualityComparer.Default.Equals(declaring, type))
            {
                seen ??= new HashSet<string>(type.GetMembers().Select(m => m.Name), StringComparer.Ordinal);
            }
            if (MemberIdentifierDeclaredOn(type, declaring, seen, frame, recurse, skipClassified, replaced, serialized, printed) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private IdentifierFinding? MemberIdentifierDeclaredOn(INamedTypeSymbol type, INamedTypeSymbol declaring, HashSet<string>? seen, Frame frame,
        Func<ITypeSymbol, Frame, IdentifierFinding?> recurse, bool skipClassified, HashSet<ISymbol>? replaced, bool serialized, bool printed)
    {
        foreach (var member in declaring.GetMembers())
        {
            // seen is set for base types only: a name met on a more derived type was judged there.
            if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared && !declaring.IsAnonymousType
                || seen?.Add(member.Name) == false)
            {
                continue;
            }
            var memberType = member switch
            {
                IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
            if (memberType is null || member.Name == "EqualityContract" || (skipClassified && HasDataClassification(member)) || replaced?.Contains(member) == true
                || (serialized && IsLeftOutOfJson(member)) || (printed && PrintsItsTypeName(memberType)))
            {
                continue;
            }
            if (CarriesIdentifier(memberType) && IsIdentifierSymbol(member, frame.Options, out var domain))
            {
                return new IdentifierFinding($"{type.Name}.{member.Name}", domain, null!);
            }
            if (memberType.SpecialType == SpecialType.System_String && TextMembers.Contains(member.Name) && member.Name is not ("Description" or "Details")
                && IsAuthoredName(type.Name)
                && !IsModelExchange(type))
            {
                // A ChatTurn's or a TranscriptLine's Text: what the person wrote or said, printed with it. (A
                // report's Description printed whole is as often a form's own wording: a defect report's.)
                return new IdentifierFinding($"{type.Name}.{member.Name}", "text", null!);
            }
            if (!IsScalar(memberType) && recurse(memberType, frame) is { } nested)
            {
                return new IdentifierFinding($"{type.Name}.{member.Name}.{nested.Origin.Split('.').Last()}", nested.Domain, null!);
            }
        }
        return null;
    }

    /// <summary>
    /// A list, set, array or dictionary printed as text (a record's member in its <c>ToString</c>, a value
    /// logged without destructuring) shows its type's name, <c>System.Collections.Generic.List`1[System.String]</c>,
    /// not its items, unless the type prints them itself (<c>StringValues</c> joins its values).
    /// </summary>
    private static bool PrintsItsTypeName(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }
        if (type is not INamedTypeSymbol named || IsScalar(type)
            || !(named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                || named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)))
        {
            return false;
        }
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.GetMembers("ToString").OfType<IMethodSymbol>().Any(m => m.Parameters.IsEmpty && !m.IsStatic && (m.IsOverride || !m.IsImplicitlyDeclared)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A member a JSON serialiser never writes: <c>[JsonIgnore]</c> (System.Text.Json without a
    /// condition or with <c>Always</c>, or Newtonsoft.Json). A condition such as <c>WhenWritingNull</c>
    /// still writes every value that is there.
    /// </summary>
    private static bool IsLeftOutOfJson(ISymbol member)
    {
        if (WrittenByConstantConverter(member))
        {
            return true;
        }
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.Name != "JsonIgnoreAttribute")
            {
                continue;
            }
            var condition = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Condition");
            // JsonIgnoreCondition.Always is 1.
            return condition.Key is null || condition.Value.Value is 1;
        }
        return false;
    }

    /// <summary>
    /// A member written by a JSON converter of the source (<c>[JsonConverter(typeof(PlayerIdRedactingConverter))]</c>,
    /// on the member or on its type) whose <c>Write</c> never reads the value it is given: the member is
    /// written as a constant.
    /// </summary>
    private static bool WrittenByConstantConverter(ISymbol member)
    {
        var memberType = member switch { IPropertySymbol property => property.Type, IFieldSymbol field => field.Type, _ => null };
        var converter = ConverterOf(member.GetAttributes()) ?? (memberType is null ? null : ConverterOf(memberType.GetAttributes()));
        if (converter?.GetMembers("Write").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length >= 2) is not { } write
            || write.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }
        var value = write.Parameters[1].Name;
        return write.DeclaringSyntaxReferences.All(reference => !reference.GetSyntax().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == value));
    }

    private static INamedTypeSymbol? ConverterOf(ImmutableArray<AttributeData> attributes) =>
        attributes.FirstOrDefault(a => a.AttributeClass?.Name == "JsonConverterAttribute" && a.ConstructorArguments.Length == 1)?.ConstructorArguments[0].Value as INamedTypeSymbol;

    /// <summary>
    /// What a record's own <c>PrintMembers</c> appends: a record that prints only some of its members
    /// (<c>builder.Append("CourseId = ").Append(CourseId)</c>) exposes only those. A call to the base
    /// record's <c>PrintMembers</c> adds what the base prints.
    /// </summary>
    private IdentifierFinding? PrintMembersIdentifier(INamedTypeSymbol record, IMethodSymbol printMembers, Frame frame)
    {
        foreach (var body in Bodies(printMembers, frame.CancellationToken))
        {
            var callee = frame.For(_optionsFor(body.Syntax.SyntaxTree));
            foreach (var call in OperationTree.Descendants(body).OfType<IInvocationOperation>())
            {
                if (call.TargetMethod.Name == "PrintMembers" && record.BaseType is { } baseRecord && !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, record))
                {
                    if (PrintedIdentifier(baseRecord, frame) is { } inherited)
                    {
                        return inherited;
                    }
                    continue;
                }
                if (!call.TargetMethod.Name.StartsWith("Append", StringComparison.Ordinal) || !IsTextBuilder(call.TargetMethod.ContainingType))
                {
                    continue;
                }
                foreach (var argument in call.Arguments)
                {
                    if (Evaluate(argument.Value, callee, 1).Identifier is { } appended)
                    {
                        return appended;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>
    /// A tuple sent whole (<c>(string StudentNumber, int Score)</c> logged as a value prints
    /// <c>(S123, 95)</c>), or a sequence of them: judged by its elements' names. Only where the tuple itself reaches
    /// telemetry: an element read from it (<c>read.Gantry</c>) is that element alone.
    /// </summary>
    private static IdentifierFinding? TupleSentWhole(IOperation value, TelemetryOptions options)
    {
        var type = OperationTree.Unwrap(value).Type;
        // A sequence of tuples (heaviest.Select(u => (u.AccountNumber, u.Kwh))) prints each of them.
        if ((type is INamedTypeSymbol { IsTupleType: true } ? type : type is null || IsScalar(type) ? null : SequenceElement(type)) is not INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return null;
        }
        foreach (var element in tuple.TupleElements)
        {
            if (CarriesIdentifier(element.Type) && !element.Name.StartsWith("Item", StringComparison.Ordinal) && IsIdentifierSymbol(element, options, out var domain))
            {
                return new IdentifierFinding(element.Name, domain, null!);
            }
        }
        return null;
    }
}
