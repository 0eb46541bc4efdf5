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

// The value flow, continued: What an exception's message is built from, and what a block may throw.
internal sealed partial class ValueFlow
{
    private bool IsException(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.Is(current, _known.Exception))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What an exception's message is built from: the message given where it is created (for a
    /// custom exception, what its constructor passes on as the message), or, for one that was
    /// caught, what the code in the <c>try</c> block (and the methods it calls) may throw.
    /// </summary>
    private FlowResult ExceptionMessage(IOperation exception, Frame frame, int depth)
    {
        var operation = OperationTree.Unwrap(exception);
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return CreatedMessage(creation, frame, depth);
            case ILocalReferenceOperation local when IsClientSideStatusCatch(local.Local, frame.CancellationToken):
                return FlowResult.Safe;
            case ILocalReferenceOperation local when IsCaught(local, frame.CancellationToken, out var tryBlock, out var caught):
                return Rewrapped(FlowResult.Combine(FlowResult.Combine(MayThrow(tryBlock, caught, frame, depth, MaxThrowingCalls), TypeMessage(local.Local.Type, frame, depth)),
                    FlowResult.Combine(QuotedCallArguments(tryBlock, local.Local.Type, frame, depth), TimedOutKeys(tryBlock, local.Local.Type, frame, depth))), exception);
            case ILocalReferenceOperation local when IsDeclaredByPattern(local.Local, frame.CancellationToken) && IsException(local.Local.Type)
                                                   && MatchedException(local.Local, local, frame, depth) is { } matched:
                return matched;
            case ILocalReferenceOperation local when frame.Visited.Add(local.Local):
                var result = FlowResult.Safe;
                foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
                {
                    result = FlowResult.Combine(result, ExceptionMessage(write, frame, depth + 1));
                }
                return Rewrapped(result, exception);
            case IParameterReferenceOperation parameter when ObservedErrors(parameter, frame, depth) is { } observed:
                return Rewrapped(observed, exception);
            case IParameterReferenceOperation parameter when IsHandedBack(parameter, frame.CancellationToken):
                return FlowResult.Combine(FlowResult.Combine(FlowResult.Parameter(parameter.Parameter), ThrownAs(parameter.Type, reachingHost: true, exception, frame.CancellationToken)),
                    Rewrapped(TypeMessage(parameter.Type, frame, depth), exception));
            case IParameterReferenceOperation parameter:
                // A type whose constructor builds its message from an identifier answers for every
                // instance a caller may hand over.
                return FlowResult.Combine(FlowResult.Parameter(parameter.Parameter), Rewrapped(TypeMessage(parameter.Type, frame, depth), exception));
            case IPropertyReferenceOperation { Property.Name: "Exception", Instance: { } task } when IsTask(task.Type):
                return Rewrapped(TaskFaults(task, frame, depth + 1), exception);
            case IPropertyReferenceOperation handedBack when IsHandedBack(handedBack, frame.CancellationToken):
                return ThrownAs(handedBack.Type, reachingHost: true, exception, frame.CancellationToken);
            case IInvocationOperation invocation when HasSource(invocation.TargetMethod):
                return CallSummary(invocation, Returns(invocation.TargetMethod, -1, frame, depth), frame, depth);
            case IPropertyReferenceOperation { Property.Name: "InnerException" } inner when inner.Instance is { } outer:
                return ExceptionMessage(outer, frame, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "GetBaseException", Instance: { } wrapper }:
                return Rewrapped(ExceptionMessage(wrapper, frame, depth + 1), exception);
            case var pick when PickedFrom(pick) is { } source && CollectedIn(source) is { } collection:
                // errors[^1], errors.Last(): one of the exceptions the method collected.
                return Rewrapped(CollectedExceptions(collection, frame, depth), exception);
            case ICoalesceOperation coalesce:
                // var root = ex.InnerException ?? ex: either one.
                return Rewrapped(FlowResult.Combine(ExceptionMessage(coalesce.Value, frame, depth + 1), ExceptionMessage(coalesce.WhenNull, frame, depth + 1)), exception);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Rewrapped(FlowResult.Combine(ExceptionMessage(conditional.WhenTrue, frame, depth + 1), ExceptionMessage(whenFalse, frame, depth + 1)), exception);
            default:
                return FlowResult.Unknown;
        }
    }

    private FlowResult CreatedMessage(IObjectCreationOperation creation, Frame frame, int depth)
    {
        if (creation.Constructor is not { } constructor)
        {
            return FlowResult.Unknown;
        }
        if (!HasSource(constructor))
        {
            var message = OperationTree.Argument(creation.Arguments, "message");
            var inner = OperationTree.Argument(creation.Arguments, "innerException");
            var result = FlowResult.Combine(message is null ? FlowResult.Safe : Evaluate(message, frame, depth + 1), DescribedBy(creation, frame, depth));
            if (OperationTree.Argument(creation.Arguments, "innerExceptions") is { } inners)
            {
                // new AggregateException(text, errors): its message appends each inner exception's.
                result = FlowResult.Combine(result, inners is IArrayCreationOperation { IsImplicit: true, Initializer: { } listed }
                    ? listed.ElementValues.Aggregate(FlowResult.Safe, (all, each) => FlowResult.Combine(all, ExceptionMessage(each, frame, depth + 1)))
                    : CollectedIn(inners) is { } collection ? CollectedExceptions(collection, frame, depth) : FlowResult.Unknown);
            }
            if (OperationTree.Argument(creation.Arguments, "actualValue") is { } actualValue)
            {
                // new ArgumentOutOfRangeException(name, value, text): "… Actual value was {value}."
                result = FlowResult.Combine(result, Evaluate(actualValue, frame, depth + 1));
            }
            return inner is null ? result : FlowResult.Combine(result, ExceptionMessage(inner, frame, depth + 1));
        }
        var summary = ConstructorMessage(constructor, frame, depth);
        // A status or error object handed over is printed into the message whoever wrote the constructor.
        var found = DescribedBy(creation, frame, depth);
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && summary.Parameters.Contains(parameter.OriginalDefinition, SymbolEqualityComparer.Default) && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                var given = IsException(argument.Value.Type) ? ExceptionMessage(argument.Value, frame, depth + 1) : Evaluate(argument.Value, frame, depth + 1);
                found = FlowResult.Combine(found, QuotedAsNamed(argument, given, frame));
            }
        }
        // A parameter named for an identifier (ReturnWindowClosed(string orderId, string customerEmail)) is
        // judged by the argument this creation gives it: "(hidden)" carries nobody's address.
        return summary.Identifier is { } own && !summary.Parameters.Any(p => p.Name == own.Origin)
            ? FlowResult.Combine(new FlowResult(own, null, proven: false), found)
            : found;
    }

    /// <summary>
    /// <c>new LoyaltyCardUnknownException(scannedCard)</c> whose constructor quotes its
    /// <c>cardNumber</c> in the message: a value whose own name says nothing takes the name of the
    /// parameter that prints it. A value shown to be clean (a constant, a pseudonym, a length) or named
    /// for a thing's id (<c>orderId</c>) keeps its own reading.
    /// </summary>
    private static FlowResult QuotedAsNamed(IArgumentOperation argument, FlowResult given, Frame frame)
    {
        if (given.Identifier is not null || given.Hash is not null || given.Proven || given.Sanitized || argument.Parameter is not { } parameter
            || argument.Value.Type?.SpecialType != SpecialType.System_String
            || (!IsReadChain(argument.Value) && OperationTree.Unwrap(argument.Value) is not IParameterReferenceOperation)
            || NamesAThingsId(argument.Value))
        {
            return given;
        }
        if (NamesAnIdentifierValue(parameter.Name, frame.Options, out var domain))
        {
            return FlowResult.Combine(given, Found(argument.Value, domain, $"{Describe(argument.Value)} (quoted as '{parameter.Name}' in the exception's message)"));
        }
        if (NamedByTheExceptionsType(parameter, argument.Value, frame.Options, out var typeWord, out domain))
        {
            return FlowResult.Combine(given, Found(argument.Value, domain, $"{Describe(argument.Value)} (quoted as the {typeWord}'s '{parameter.Name}' in the exception's message)"));
        }
        return given;
    }

    /// <summary>
    /// <c>ApplicantUnderAgeException(string name, int age)</c> given <c>application.Name</c>: a parameter
    /// named only <c>name</c>, <c>id</c> or <c>number</c> is the one the exception's type names (the
    /// applicant's), when the value handed to it says no more than that itself (<c>Name</c>, <c>value</c>,
    /// not <c>fieldName</c> or <c>fileName</c>, which name a thing's).
    /// </summary>
    private static bool NamedByTheExceptionsType(IParameterSymbol parameter, IOperation value, TelemetryOptions options, out string typeWord, out string domain)
    {
        typeWord = domain = "";
        var parameterWords = NameWords.Split(parameter.Name);
        if (parameterWords.Count == 0 || !parameterWords.All(TelemetryOptions.IdentityWords.Contains) || parameter.ContainingType is not { } exceptionType)
        {
            return false;
        }
        var valueWords = NameWords.Split(ReferencedSymbol(OperationTree.Unwrap(value))?.Name);
        if (valueWords.Any(TelemetryOptions.IdentityWords.Contains) && !valueWords.All(TelemetryOptions.IdentityWords.Contains))
        {
            return false;
        }
        foreach (var word in NameWords.Split(exceptionType.Name))
        {
            if (word != "exception" && options.IsIdentifierName(new[] { word }.Concat(parameterWords).ToList(), out domain) && domain != "text")
            {
                typeWord = word;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>new RpcException(new Status(StatusCode.NotFound, $"No patient {mrn}"))</c>,
    /// <c>new ValidationException(new ValidationResult($"… {email}"), …)</c>: a library's exception built
    /// from a status or error object takes that object's text into its message (gRPC prints the
    /// status, detail included), so the text given to it counts as the message, whether the
    /// exception's constructor is a library's or the source's own.
    /// </summary>
    private FlowResult DescribedBy(IObjectCreationOperation creation, Frame frame, int depth)
    {
        var found = FlowResult.Safe;
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || OperationTree.Unwrap(argument.Value) is not IObjectCreationOperation nested || IsException(nested.Type))
            {
                continue;
            }
            foreach (var text in nested.Arguments)
            {
                if (text.ArgumentKind != ArgumentKind.DefaultValue && text.Parameter?.Name is "detail" or "message" or "description" or "errorMessage"
                    && text.Value.Type?.SpecialType == SpecialType.System_String)
                {
                    found = FlowResult.Combine(found, Evaluate(text.Value, frame, depth + 1));
                }
            }
        }
        return found;
    }

    /// <summary>What a custom exception's constructor hands its base as the message, in terms of its own parameters.</summary>
    private FlowResult ConstructorMessage(IMethodSymbol constructor, Frame frame, int depth)
    {
        var key = constructor.OriginalDefinition;
        if (_constructorMessages.TryGetValue(key, out var cached))
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
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                // class NotFound(string mrn) : Exception($"… {mrn}") passes its message in the base list.
                SyntaxNode? initializer = reference.GetSyntax(frame.CancellationToken) switch
                {
                    ConstructorDeclarationSyntax declaration => declaration.Initializer,
                    TypeDeclarationSyntax type => type.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault(),
                    _ => null,
                };
                if (initializer is not null && _index.OperationOf(initializer, frame.CancellationToken) is { } operation)
                {
                    var callee = frame.For(_optionsFor(initializer.SyntaxTree));
                    var call = OperationTree.Descendants(operation).OfType<IInvocationOperation>().FirstOrDefault(i => i.TargetMethod.MethodKind == MethodKind.Constructor);
                    if (call is null)
                    {
                        continue;
                    }
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                        {
                            continue;
                        }
                        if (HasSource(call.TargetMethod) || argument.Parameter?.Name is "message" or "innerException")
                        {
                            var value = IsException(argument.Value.Type) ? ExceptionMessage(argument.Value, callee, depth + 1) : Evaluate(argument.Value, callee, depth + 1);
                            if (HasSource(call.TargetMethod) && argument.Parameter is { } forwarded)
                            {
                                var upstream = ConstructorMessage(call.TargetMethod, frame, depth + 1);
                                if (!upstream.Parameters.Contains(forwarded.OriginalDefinition, SymbolEqualityComparer.Default))
                                {
                                    continue;
                                }
                            }
                            result = FlowResult.Combine(result, value);
                        }
                    }
                }
            }
            return _constructorMessages.GetOrAdd(key, result);
        }
        finally
        {
            frame.Active.Remove(key);
        }
    }

    /// <summary>
    /// What a caught exception of a project's own type says whoever threw it: a type whose
    /// constructor builds the message from a parameter named as an identifier
    /// (<c>PatientNotRegisteredException(string nhsNumber) : Exception($"… {nhsNumber}")</c>) carries
    /// one in every instance. The throw is often out of sight (behind an interface, a delegate or a
    /// framework callback), so the type has to answer for it.
    /// </summary>
    private FlowResult TypeMessage(ITypeSymbol? caught, Frame frame, int depth)
    {
        if (caught is not INamedTypeSymbol type || type.DeclaringSyntaxReferences.IsEmpty || !IsException(type))
        {
            return FlowResult.Safe;
        }
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!HasSource(constructor))
            {
                continue;
            }
            var message = ConstructorMessage(constructor, frame, depth + 1);
            if (message.Identifier is { } identifier)
            {
                return new FlowResult(identifier, null, proven: false);
            }
            if (SourceIndex.IsPrimaryConstructor(constructor))
            {
                // class RpcException(string status, string detail) : Exception(detail): every creation
                // in the source answers for the detail it passes, wherever it is thrown.
                foreach (var parameter in message.Parameters)
                {
                    if (Stores(parameter, frame, depth + 1).Identifier is { } passed)
                    {
                        return new FlowResult(passed, null, proven: false);
                    }
                }
            }
        }
        return FlowResult.Safe;
    }

    /// <summary>
    /// A caught exception of the source's own type whose message quotes a constructor parameter
    /// (<c>FeatureRowMissingException(string featureView, string entityKey) : Exception($"… '{entityKey}'")</c>),
    /// around a call whose body is out of sight (an interface with no implementation in the source, a
    /// library) that takes a parameter of the same name (<c>GetOnlineFeaturesAsync(string featureView,
    /// string entityKey)</c>): the message quotes what that call was given.
    /// </summary>
    private FlowResult QuotedCallArguments(IOperation tryBlock, ITypeSymbol? caught, Frame frame, int depth)
    {
        if (caught is not INamedTypeSymbol type || type.DeclaringSyntaxReferences.IsEmpty || !IsException(type) || depth > MaxDepth)
        {
            return FlowResult.Safe;
        }
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var constructor in type.InstanceConstructors)
        {
            if (HasSource(constructor))
            {
                foreach (var parameter in ConstructorMessage(constructor, frame, depth + 1).Parameters)
                {
                    // A message or a reason passed through says nothing about which call's argument it is.
                    if (parameter.Name is not ("message" or "innerException" or "inner" or "reason" or "detail" or "details" or "description" or "format" or "args"))
                    {
                        quoted.Add(parameter.Name);
                    }
                }
            }
        }
        if (quoted.Count == 0)
        {
            return FlowResult.Safe;
        }
        // AddressValidationException(string component, string? value) : Exception($"… '{value}'"): the value
        // or input it could not take is one of the failing call's arguments, whatever that call names it.
        var inputNames = quoted.Where(name => IsQuotedInputName(name, quoted)).ToList();
        var result = FlowResult.Safe;
        foreach (var call in OperationTree.Descendants(tryBlock).OfType<IInvocationOperation>())
        {
            var callee = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            // A body in sight (the callee's, or an implementation's): what it throws is MayThrow's to say.
            var outOfSight = !HasSource(callee) || (callee.IsAbstract && _index.ImplementationsOf(callee, frame.CancellationToken).Count == 0);
            if (!outOfSight)
            {
                continue;
            }
            // A call that names the quoted input itself (PublishAsync(string destination, …)) is matched by that name alone.
            var quotesInput = inputNames.Any(name => !callee.Parameters.Any(p => p.Name == name));
            foreach (var argument in call.Arguments)
            {
                // The value quoted is text the call was given to read, not an object it was handed to keep.
                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && (quoted.Contains(parameter.Name) || (quotesInput && parameter.Type.SpecialType == SpecialType.System_String)))
                {
                    result = FlowResult.Combine(result, Evaluate(argument.Value, frame, depth + 1).WithoutParameters());
                }
                else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    foreach (var member in QuotedMembersOfCreated(argument.Value, quoted))
                    {
                        result = FlowResult.Combine(result, Evaluate(member, frame, depth + 1).WithoutParameters());
                    }
                }
            }
        }
        return result;
    }

    /// <summary>
    /// A Redis client's timeout names the command it gave up on and that command's key ("Timeout
    /// performing GET … key: patient-summary:{hospitalNumber}", the client's default detail): caught
    /// around cache calls, it quotes the keys they were given. Its connection failures name the
    /// endpoint, not a key.
    /// </summary>
    private FlowResult TimedOutKeys(IOperation tryBlock, ITypeSymbol? caught, Frame frame, int depth)
    {
        if (caught?.Name != "RedisTimeoutException")
        {
            return FlowResult.Safe;
        }
        var result = FlowResult.Safe;
        foreach (var call in OperationTree.Descendants(tryBlock).OfType<IInvocationOperation>())
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && IsCacheKeyParameter(parameter))
                {
                    result = FlowResult.Combine(result, Evaluate(argument.Value, frame, depth + 1).WithoutParameters());
                }
            }
        }
        return result;
    }

    /// <summary>A key handed to a Redis command (<c>RedisKey</c>) or to a distributed cache (<c>GetStringAsync(string key, …)</c>).</summary>
    private static bool IsCacheKeyParameter(IParameterSymbol parameter) =>
        (parameter.Type is IArrayTypeSymbol keys ? keys.ElementType : parameter.Type).Name == "RedisKey"
        || (parameter.Name is "key" && parameter.Type.SpecialType == SpecialType.System_String
            // The interface's own methods, or an extension over it (an invocation names the extension unreduced).
            && (parameter.ContainingType?.Name == "IDistributedCache"
                || (parameter.ContainingSymbol as IMethodSymbol)?.Parameters.FirstOrDefault()?.Type.Name == "IDistributedCache"));

    /// <summary>
    /// <c>StartAsync(by, new ImpersonationRequest(studentNumber, reason))</c> failing with
    /// <c>ImpersonationDeniedException(string targetId, …)</c>: the request's <c>TargetId</c> is what the
    /// call was given under the quoted name. The values put under a quoted name into an object created
    /// for the call (by constructor parameter or initializer, the argument itself or a local holding it).
    /// </summary>
    private static IEnumerable<IOperation> QuotedMembersOfCreated(IOperation argument, HashSet<string> quoted)
    {
        var value = OperationTree.Unwrap(argument);
        if (value is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            value = writes.Count == 1 ? OperationTree.Unwrap(writes[0].Value) : value;
        }
        if (value is not IObjectCreationOperation created || created.Type?.SpecialType == SpecialType.System_String)
        {
            yield break;
        }
        foreach (var constructorArgument in created.Arguments)
        {
            if (constructorArgument.ArgumentKind != ArgumentKind.DefaultValue && constructorArgument.Parameter is { } parameter
                && quoted.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
            {
                yield return constructorArgument.Value;
            }
        }
        if (created.Initializer is { } initializer)
        {
            foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IMemberReferenceOperation target && quoted.Contains(target.Member.Name, StringComparer.OrdinalIgnoreCase))
                {
                    yield return assignment.Value;
                }
            }
        }
    }

    /// <summary>
    /// A constructor parameter that is the value an operation was given: <c>value</c>, <c>input</c>,
    /// <c>rawValue</c>, <c>attemptedValue</c>; the line, cell, tuple or raw record it read; the recipient
    /// or destination it could not reach; the text it could not take (<c>AddressParseException(string text)</c>), unless
    /// the message pairs it with a code or status: then it is the provider's own wording
    /// (<c>(string code, string text)</c>, <c>responseText</c>).
    /// </summary>
    private static bool IsQuotedInputName(string name, HashSet<string> quoted)
    {
        var words = NameWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }
        var head = words[words.Count - 1];
        switch (head)
        {
            case "value" or "input":
                return words.Count == 1 || words[0] is "raw" or "attempted" or "original" or "given" or "supplied" or "invalid";
            case "line" or "cell" or "tuple" or "recipient" or "mailbox" or "destination":
                return true;
            case "record" or "row":
                return words[0] is "raw";
            case "text":
                return !words.Any(w => w is "response" or "error" or "status" or "fault" or "reason")
                    && !quoted.Any(q => NameWords.Split(q) is { Count: > 0 } other && other[other.Count - 1] is "code" or "status");
            default:
                return false;
        }
    }

    private bool IsCaught(ILocalReferenceOperation reference, CancellationToken cancellationToken, out IOperation tryBlock) =>
        IsCaught(reference, cancellationToken, out tryBlock, out _);

    /// <param name="caught">What reaches the clause: its type, less what the clauses before it take.</param>
    private bool IsCaught(ILocalReferenceOperation reference, CancellationToken cancellationToken, out IOperation tryBlock, out CaughtTypes caught)
    {
        // The catch that declares the local encloses the reference: its try block is bound already.
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is ICatchClauseOperation { Parent: ITryOperation statement } clause && clause.Locals.Contains(reference.Local, SymbolEqualityComparer.Default))
            {
                tryBlock = statement.Body;
                caught = CaughtTypes.Of(reference.Local.Type, statement, clause);
                return true;
            }
        }
        foreach (var declaration in reference.Local.DeclaringSyntaxReferences)
        {
            if (declaration.GetSyntax(cancellationToken) is CatchDeclarationSyntax { Parent: CatchClauseSyntax { Parent: TryStatementSyntax statement } clauseSyntax }
                && _index.OperationOf(statement, cancellationToken) is ITryOperation bound)
            {
                tryBlock = bound.Body;
                caught = bound.Catches.FirstOrDefault(c => c.Syntax == clauseSyntax) is { } clause
                    ? CaughtTypes.Of(reference.Local.Type, bound, clause)
                    : CaughtTypes.Of(reference.Local.Type);
                return true;
            }
        }
        tryBlock = null!;
        caught = null!;
        return false;
    }

    /// <summary>
    /// <c>catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)</c>: a deadline
    /// passed or a call cancelled is the client's own status, with the client library's fixed detail
    /// ("Deadline Exceeded"), whatever the server would have said.
    /// </summary>
    private static bool IsClientSideStatusCatch(ILocalSymbol local, CancellationToken cancellationToken)
    {
        foreach (var declaration in local.DeclaringSyntaxReferences)
        {
            if (declaration.GetSyntax(cancellationToken) is not CatchDeclarationSyntax { Parent: CatchClauseSyntax { Filter: { } filter } })
            {
                continue;
            }
            var codes = filter.FilterExpression.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                .Where(access => access.Expression is IdentifierNameSyntax { Identifier.ValueText: "StatusCode" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode" })
                .Select(access => access.Name.Identifier.ValueText)
                .ToList();
            return codes.Count > 0 && codes.All(code => code is "DeadlineExceeded" or "Cancelled")
                && !filter.FilterExpression.DescendantTokens().Any(token => token.IsKind(SyntaxKind.ExclamationEqualsToken) || token.IsKind(SyntaxKind.NotKeyword));
        }
        return false;
    }

    /// <summary>What a block may throw: its own <c>throw</c>s and those of the source methods it calls.</summary>
    /// <param name="calls">How many calls deep the block's callees may be followed: each level binds every method the one above calls.</param>
    private FlowResult MayThrow(IOperation block, CaughtTypes caught, Frame frame, int depth, int calls)
    {
        var result = FlowResult.Safe;
        foreach (var operation in OperationTree.Descendants(block))
        {
            switch (operation)
            {
                // throw new ArgumentException(…) is an ArgumentException, which a catch of ArgumentOutOfRangeException
                // does not take; a rethrown variable may hold any type derived from its own.
                case IThrowOperation { Exception: { } thrown } when OperationTree.Unwrap(thrown) is IObjectCreationOperation created
                    ? caught.TakesCreated(created.Type)
                    : caught.Takes(OperationTree.Unwrap(thrown).Type):
                    result = FlowResult.Combine(result, ExceptionMessage(thrown, frame, depth + 1));
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } lookup
                    when IsDictionary(lookup.Instance?.Type) && !IsWrittenTo(lookup) && _known.KeyNotFoundException is { } keyNotFound && caught.Takes(keyNotFound):
                    // dictionary[key] throws "The given key '…' was not present in the dictionary.": the key is in the message.
                    result = FlowResult.Combine(result, Evaluate(lookup.Arguments[0].Value, frame, depth + 1));
                    break;
                case IInvocationOperation { TargetMethod: { Name: "Parse" or "ParseExact", IsStatic: true } parse } number
                    when _known.FormatException is { } format && caught.Takes(format) && QuotesItsInput(parse.ContainingType)
                    && number.Arguments.Length > 0 && number.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                    // long.Parse(text): "The input string '…' was not in a correct format." quotes the text.
                    result = FlowResult.Combine(result, Evaluate(number.Arguments[0].Value, frame, depth + 1));
                    break;
                case IInvocationOperation { TargetMethod.Name: "ToDictionary" or "Add" } keyed when _known.ArgumentException is { } duplicate
                    && caught.Takes(duplicate) && DuplicateKey(keyed) is { } key:
                    // "An item with the same key has already been added. Key: …" quotes the key.
                    result = FlowResult.Combine(result, OperationTree.Unwrap(key) is IAnonymousFunctionOperation or IDelegateCreationOperation
                        ? LambdaReturns(key, frame, depth + 1)
                        : Evaluate(key, frame, depth + 1));
                    break;
                case IInvocationOperation or IObjectCreationOperation when _known.IOException is { } io && caught.Takes(io) && OpenedPath(operation) is { } path:
                    // File.OpenRead(path), new FileStream(path, …): "Could not find file '…'" quotes the path.
                    result = FlowResult.Combine(result, Evaluate(path, frame, depth + 1));
                    break;
                case IInvocationOperation send when _known.SmtpFailedRecipientException is { } refused && caught.Takes(refused)
                    && send.Arguments.FirstOrDefault(a => IsMailMessage(a.Value.Type)) is { } mail:
                    // A refused recipient's exception quotes the mailbox in the server's reply (and FailedRecipient).
                    result = FlowResult.Combine(result, Recipients(mail.Value, frame, depth + 1));
                    break;
                case IInvocationOperation { TargetMethod.Name: "ValidateAndThrow" or "ValidateAndThrowAsync" } validation:
                    // validator.ValidateAndThrowAsync(command): its ValidationException lists every failure's message.
                    result = FlowResult.Combine(result, ThrownByValidation(validation, caught.Type, frame) ?? FlowResult.Safe);
                    break;
                case IInvocationOperation pipeline when CallsPipeline(pipeline):
                    // try { await next(context); } catch (Exception ex): whatever the handlers after this one let out.
                    result = FlowResult.Combine(result, ThrownAs(caught.Type, reachingHost: true, pipeline, frame.CancellationToken, caught));
                    break;
                case IInvocationOperation invocation when HasSource(invocation.TargetMethod) && !IsGenerated(invocation.TargetMethod):
                    result = FlowResult.Combine(result, CallSummary(invocation, Throws(invocation.TargetMethod, caught, frame, depth, calls), frame, depth));
                    if (IsOverridable(invocation.TargetMethod) && calls > 1)
                    {
                        // An injected service throws from its implementation: what each one in the source throws
                        // of its own (their parameters are not the called method's).
                        foreach (var implementation in _index.ImplementationsOf(invocation.TargetMethod.OriginalDefinition, frame.CancellationToken))
                        {
                            result = FlowResult.Combine(result, Throws(implementation, caught, frame, depth, calls - 1).WithoutParameters());
                        }
                    }
                    break;
            }
        }
        return new FlowResult(result.Identifier, null, result.Identifier is null, parameters: result.Parameters);
    }

    /// <summary>
    /// The key a dictionary is given that it may already hold: <c>dictionary.Add(key, value)</c>'s key,
    /// <c>items.ToDictionary(i => i.Key)</c>'s key selector.
    /// </summary>
    private static IOperation? DuplicateKey(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name == "ToDictionary" && invocation.TargetMethod.ContainingType?.Name == "Enumerable")
        {
            return OperationTree.Argument(invocation.Arguments, "keySelector");
        }
        return invocation.TargetMethod.Name == "Add" && invocation.Arguments.Length == 2 && IsDictionary(invocation.Instance?.Type)
            ? OperationTree.Argument(invocation.Arguments, "key")
            : null;
    }

    /// <summary>The number and date types whose <c>Parse</c> quotes the text it could not read (.NET 8 and later for numbers).</summary>
    private static bool QuotesItsInput(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt16
            or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Byte or SpecialType.System_Decimal
            or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_DateTime
        || type.Name is "DateTimeOffset" or "DateOnly" or "TimeOnly";

    private static bool IsMailMessage(ITypeSymbol? type) =>
        type is { Name: "MailMessage", ContainingNamespace: { Name: "Mail", ContainingNamespace: { Name: "Net", ContainingNamespace.Name: "System" } } };

    /// <summary>
    /// The addresses a mail message built in the method is sent to: its constructor's <c>to</c> and
    /// what is added to its <c>To</c>, <c>Cc</c> and <c>Bcc</c>.
    /// </summary>
    private FlowResult Recipients(IOperation message, Frame frame, int depth)
    {
        if (OperationTree.Unwrap(message) is not ILocalReferenceOperation local)
        {
            return FlowResult.Unknown;
        }
        var root = OperationTree.Root(local);
        var result = FlowResult.Unknown;
        foreach (var (written, _) in LocalWrites(local.Local, root))
        {
            if (OperationTree.Unwrap(written) is IObjectCreationOperation creation && OperationTree.Argument(creation.Arguments, "to") is { } to)
            {
                result = FlowResult.Combine(result, Evaluate(to, frame, depth + 1));
            }
        }
        foreach (var add in OperationTree.Descendants(root).OfType<IInvocationOperation>())
        {
            if (add is { TargetMethod.Name: "Add", Instance: IPropertyReferenceOperation { Property.Name: "To" or "CC" or "Bcc", Instance: ILocalReferenceOperation holder } }
                && Same(holder, local.Local) && add.Arguments.Length > 0)
            {
                result = FlowResult.Combine(result, Evaluate(add.Arguments[0].Value, frame, depth + 1));
            }
        }
        return result;
    }

    private static bool IsWrittenTo(IOperation reference) =>
        reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

    /// <summary>
    /// The path a file-system call of the framework opens or reads (<c>File.OpenRead(path)</c>,
    /// <c>new StreamReader(path)</c>, <c>Directory.GetFiles(path)</c>): its IO exceptions quote it.
    /// </summary>
    private static IOperation? OpenedPath(IOperation operation)
    {
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, default),
        };
        if (method?.ContainingType is not { ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } type
            || type.Name is "Path" or "MemoryStream" or "StringReader" or "StringWriter" or "BinaryReader" or "BinaryWriter")
        {
            return null;
        }
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String, Name: "path" or "sourceFileName" or "destFileName" or "fileName" or "sourceDirName" or "destDirName" })
            {
                return argument.Value;
            }
        }
        return null;
    }

    /// <summary>The collection one element is read from: <c>errors[i]</c>, <c>errors[^1]</c>, <c>errors.Last()</c>.</summary>
    private static IOperation? PickedFrom(IOperation element) => element switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } => list,
        IImplicitIndexerReferenceOperation fromEnd => fromEnd.Instance,
        IInvocationOperation { TargetMethod.Name: "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "Single" } pick =>
            pick.Instance ?? (pick.Arguments.Length > 0 ? pick.Arguments[0].Value : null),
        _ => null,
    };

    /// <summary>A local list of exceptions (<c>var errors = new List&lt;Exception&gt;()</c>), as read.</summary>
    private ILocalSymbol? CollectedIn(IOperation collection) =>
        OperationTree.Unwrap(collection) is ILocalReferenceOperation { Local: var local } && SequenceElement(local.Type) is { } element && IsException(element) ? local : null;

    /// <summary>What a method puts in its local list of exceptions: each <c>errors.Add(ex)</c>'s exception.</summary>
    private FlowResult CollectedExceptions(ILocalSymbol list, Frame frame, int depth)
    {
        var result = FlowResult.Unknown;
        if (list.DeclaringSyntaxReferences.FirstOrDefault() is not { } declaration
            || _index.OperationOf(declaration.GetSyntax(frame.CancellationToken), frame.CancellationToken) is not { } declared)
        {
            return result;
        }
        foreach (var add in OperationTree.Descendants(OperationTree.Root(declared)).OfType<IInvocationOperation>())
        {
            if (add is { TargetMethod.Name: "Add" or "Push" or "Enqueue", Instance: { } target, Arguments.Length: 1 }
                && OperationTree.Unwrap(target) is ILocalReferenceOperation holder && SymbolEqualityComparer.Default.Equals(holder.Local, list))
            {
                result = FlowResult.Combine(result, ExceptionMessage(add.Arguments[0].Value, frame, depth + 1));
            }
        }
        return result;
    }

    /// <summary>How many calls deep a <c>try</c> block's callees are read for what they throw.</summary>
    private const int MaxThrowingCalls = 3;

    private FlowResult Throws(IMethodSymbol method, CaughtTypes caught, Frame frame, int depth, int calls)
    {
        // A catch sees what the methods its try block calls throw, and what theirs throw, a few calls
        // deep. The depth is part of the key, so that an answer never depends on which catch asked first.
        if (calls <= 0)
        {
            return FlowResult.Safe;
        }
        var key = (method.OriginalDefinition, caught, calls);
        if (_throws.TryGetValue(key, out var cached))
        {
            return cached;
        }
        if (depth > MaxDepth || !frame.Active.Add(key))
        {
            return FlowResult.Safe;
        }
        try
        {
            var result = FlowResult.Safe;
            foreach (var body in Bodies(method, frame.CancellationToken))
            {
                result = FlowResult.Combine(result, MayThrow(body, caught, frame.For(_optionsFor(body.Syntax.SyntaxTree)), depth + 1, calls - 1));
            }
            return _throws.GetOrAdd(key, result);
        }
        finally
        {
            frame.Active.Remove(key);
        }
    }
}
