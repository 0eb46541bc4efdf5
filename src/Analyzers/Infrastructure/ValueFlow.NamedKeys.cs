using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: values read back by a key whose text names them.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// A value read by a constant key that names an identifier: <c>Request.Headers["X-Patient-Id"]</c>,
    /// <c>Query["email"]</c>, <c>RouteValues["studentId"]</c>, <c>Items["UserId"]</c>, a row's or a
    /// dictionary's <c>["memberNumber"]</c>. The key is the only name such a value has, so it is judged
    /// as a member's name would be. Only values that can hold text are judged: a count kept under
    /// <c>"email"</c> is the number of emails. Settings and localised labels are read by keys too, but
    /// what they hold belongs to the service, not to a person.
    /// </summary>
    private static bool ReadByIdentifierKey(IPropertyReferenceOperation indexer, TelemetryOptions options, out string domain)
    {
        domain = "";
        if (indexer.Arguments.Length != 1 || indexer.Instance is not { } instance || IsServiceOwnedLookup(instance.Type) || !HoldsText(indexer.Type))
        {
            return false;
        }
        if (IsClaimsBag(instance) && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string claim }
            && (PersonalClaimTypes.Contains(claim) || claim is "act" or "actor"))
        {
            // session.Claims["sub"], token.Claims["act"]: the subject's id, or the actor's, of a token's claims.
            domain = "user";
            return true;
        }
        return IsIdentifierKey(indexer.Arguments[0].Value, options, out domain);
    }

    /// <summary>
    /// A dictionary-typed field or property sent whole (<c>{Props}</c> given <c>ev.Props</c>, its
    /// serialised text) that the source elsewhere reads or writes by a key naming an identifier
    /// in the same file (<c>ev.Props["meter_serial"]</c>, <c>form.Fields["email"]</c>): the entry its
    /// code knows is there goes with the rest. A bag only read by other keys stays unjudged; so do its keys and count,
    /// which are other members.
    /// </summary>
    private FlowResult? KeyedIdentifierEntry(IMemberReferenceOperation member, Frame frame)
    {
        if (!IsDictionary(member.Type) || IsServiceOwnedLookup(member.Type)
            || SequenceElement(member.Type!) is not INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } entry || !HoldsText(entry.TypeArguments[1]))
        {
            return null;
        }
        foreach (var (key, tree) in _index.EntryKeysOf(member.Member, frame.CancellationToken))
        {
            // Only the code of the same file: a library's bag (a media probe's tags) holds a presenter's
            // name in one service and nothing of anyone's in another.
            if (tree == member.Syntax.SyntaxTree && IsIdentifierKeyText(key, frame.Options, out var domain))
            {
                return Found(member, domain, $"{Describe(member)} (its entry '{key}', read by that key in this file)");
            }
        }
        return null;
    }

    /// <summary>A token's or a session's claims by type (<c>session.Claims</c>, <c>jwt.Payload</c>'s claims, <c>claims</c>).</summary>
    private static bool IsClaimsBag(IOperation instance) =>
        ReferencedSymbol(OperationTree.Unwrap(instance)) is { } bag && NameWords.Split(bag.Name) is { Count: > 0 } words && words[words.Count - 1] == "claims";

    /// <summary>
    /// The same by a call: <c>context.GetRouteValue("memberNumber")</c>, <c>Session.GetString("userEmail")</c>,
    /// <c>fields.GetValueOrDefault("patientId")</c>, a getter whose one argument is the key
    /// (<c>settings.Get("travel.manager_email")</c>, a CSV reader's <c>GetField("Email")</c>), and telemetry read back by its key
    /// (<c>activity.GetBaggageItem("arena.host.gamertag")</c>, <c>GetCustomProperty("meter.serial")</c>).
    /// </summary>
    private static bool CallReadsIdentifierKey(IInvocationOperation invocation, TelemetryOptions options, out string domain)
    {
        domain = "";
        var method = invocation.TargetMethod;
        if (method.Name is "GetCustomProperty" or "GetBaggageItem" or "GetTagItem" or "GetBaggage" && IsTelemetryType(method.ContainingType))
        {
            // Telemetry read back: activity.GetBaggageItem("arena.host.gamertag"), GetCustomProperty("meter.serial"),
            // Baggage.GetBaggage("customer.ref").
            return invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String) is { } name
                && IsIdentifierKey(name.Value, options, out domain);
        }
        if (method.Name == "GetValue" && method.ContainingType?.Name == "PropertyValues" && HoldsText(method.ReturnType))
        {
            // An entity's values as the database or the change tracker has them: GetValue<string>(nameof(Grade.MarkerEmail)).
            return invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String) is { } property
                && IsIdentifierKey(property.Value, options, out domain);
        }
        if (method.Name is not ("GetRouteValue" or "GetValueOrDefault" or "GetString" or "Get" or "GetField" or "GetSetting" or "GetValue" or "GetAnswer" or "Answer")
            || !HoldsText(method.ReturnType))
        {
            return false;
        }
        var receiver = ReceiverOf(invocation);
        if (receiver is null || IsServiceOwnedLookup(receiver.Type)
            || (method.Name == "GetString" && receiver.Type?.Name != "ISession")
            || (method.Name == "GetValueOrDefault" && !IsDictionary(receiver.Type)))
        {
            return false;
        }
        var keys = ArgumentsAfterReceiver(invocation).ToList();
        if (method.Name is "Get" or "GetField" or "GetSetting" or "GetValue" or "GetAnswer" or "Answer" && (keys.Count != 1 || keys[0].Parameter?.Type.SpecialType != SpecialType.System_String))
        {
            // A getter by name alone (settings.Get("notifications.contact_email"), csv.GetField("Email"),
            // a form submission's Answer("fld_dob")):
            // the key is its only argument. Get(name, fallback) and the like choose among more than a key.
            return false;
        }
        var key = keys.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String);
        return key is not null && IsIdentifierKey(key.Value, options, out domain);
    }

    /// <summary><c>Query.TryGetValue("email", out var email)</c>: the value found under the key.</summary>
    private static bool OutReadsIdentifierKey(IInvocationOperation invocation, IArgumentOperation output, TelemetryOptions options, out string domain)
    {
        domain = "";
        var receiver = ReceiverOf(invocation);
        return invocation.TargetMethod.Name == "TryGetValue"
            && receiver is not null && !IsServiceOwnedLookup(receiver.Type)
            && output.Parameter is { } parameter && HoldsText(parameter.Type)
            && ArgumentsAfterReceiver(invocation).FirstOrDefault(a => a != output) is { } key
            && IsIdentifierKey(key.Value, options, out domain);
    }

    private static System.Collections.Generic.IEnumerable<IArgumentOperation> ArgumentsAfterReceiver(IInvocationOperation invocation) =>
        invocation.Instance is null && invocation.TargetMethod.IsExtensionMethod ? invocation.Arguments.Skip(1) : invocation.Arguments;

    private static bool IsIdentifierKey(IOperation key, TelemetryOptions options, out string domain)
    {
        domain = "";
        return OperationTree.Unwrap(key).ConstantValue is { HasValue: true, Value: string text } && IsIdentifierKeyText(text, options, out domain);
    }

    private static bool IsIdentifierKeyText(string text, TelemetryOptions options, out string domain)
    {
        if (PersonalHeaderDomain(text) is { } header)
        {
            domain = header;
            return true;
        }
        return options.IsIdentifierName(NameWords.Split(text), out domain);
    }

    /// <summary>
    /// Headers that carry who is calling: their credentials (<c>Authorization</c>, <c>Cookie</c>) and
    /// their address as proxies pass it on (<c>X-Forwarded-For</c>). Null for any other header name.
    /// </summary>
    private static string? PersonalHeaderDomain(string name) => name.ToLowerInvariant() switch
    {
        "authorization" or "proxy-authorization" or "cookie" or "set-cookie" or "x-api-key" => "token",
        "x-forwarded-for" or "forwarded" or "x-real-ip" or "true-client-ip" or "cf-connecting-ip" or "x-client-ip" => "client.address",
        _ => null,
    };

    /// <summary>
    /// A request's or response's headers or cookies as a whole (<c>request.Headers</c>, printed or
    /// destructured): they hold the caller's credentials and address.
    /// </summary>
    private static bool IsHeaderCollection(ITypeSymbol? type) =>
        type is { Name: "IHeaderDictionary" or "HeaderDictionary" or "HttpRequestHeaders" or "HttpResponseHeaders" or "HttpHeaders" or "IRequestCookieCollection" or "RequestCookieCollection" }
        && type.ContainingNamespace?.ToDisplayString() is "Microsoft.AspNetCore.Http" or "System.Net.Http.Headers";

    /// <summary>A typed header of a header collection: <c>request.Headers.Authorization</c>, <c>Headers.Cookie</c>, <c>Headers.XForwardedFor</c>.</summary>
    private static string? TypedPersonalHeader(IMemberReferenceOperation member)
    {
        var domain = member.Member.Name switch
        {
            "Authorization" or "ProxyAuthorization" or "Cookie" or "SetCookie" => "token",
            "XForwardedFor" => "client.address",
            _ => null,
        };
        return domain is not null && member.Member.ContainingType is { } headers && (IsHeaderCollection(headers) || headers.AllInterfaces.Any(IsHeaderCollection))
            ? domain
            : null;
    }

    private static bool IsTelemetryType(INamedTypeSymbol? type) =>
        type is { Name: "Activity" or "Baggage" } && type.ContainingNamespace?.ToDisplayString() is "System.Diagnostics" or "OpenTelemetry";

    /// <summary>Text, an object, or the header and query values of ASP.NET Core (<c>StringValues</c>).</summary>
    private static bool HoldsText(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        return type is not null
            && (type.SpecialType is SpecialType.System_String or SpecialType.System_Object
                || type.Name is "StringValues" or "JsonNode" or "JToken");
    }

    /// <summary>Configuration and localisation: looked up by keys that name settings and labels.</summary>
    private static bool IsServiceOwnedLookup(ITypeSymbol? type) =>
        type is not null
        && (type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "ConfigurationManager" or "ResourceManager"
                or "IStringLocalizer" or "IHtmlLocalizer" or "IViewLocalizer"
            || type.AllInterfaces.Any(i => i.Name is "IConfiguration" or "IStringLocalizer" or "IHtmlLocalizer"));
}
