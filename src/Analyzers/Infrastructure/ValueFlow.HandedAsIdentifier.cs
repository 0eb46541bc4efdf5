using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a value the same method hands over as a person's identifier is one.
internal sealed partial class ValueFlow
{
    /// <summary>The values each method body passes to a parameter named for an identifier, with that parameter's domain.</summary>
    private readonly ConcurrentDictionary<IOperation, ImmutableArray<(IOperation Value, string Domain, string Parameter)>> _handedAsIdentifierIn = new();

    /// <summary>
    /// A value the method passes, at one place, to a parameter named for a person's identifier and
    /// sends, at another, under a name that says nothing: a data loader's <c>keys</c> handed to
    /// <c>book.ForPatientsAsync(IReadOnlyList&lt;string&gt; nhsNumbers, …)</c> and joined into a log line.
    /// The called method's signature says what the value is, as a pseudonymiser's call does
    /// (<see cref="PseudonymisedBeside"/>). Parameters named for free text are left out: a value
    /// handed to <c>text</c> or <c>comment</c> is not thereby a person's. Not when the two places
    /// sit on different branches of one choice.
    /// </summary>
    private FlowResult? HandedAsIdentifier(IOperation operation, Frame frame)
    {
        if ((!IsReadChain(operation) && OperationTree.Unwrap(operation) is not IParameterReferenceOperation) || NamesAThingsId(operation))
        {
            return null;
        }
        foreach (var (value, domain, parameter) in _handedAsIdentifierIn.GetOrAdd(OperationTree.Root(operation), root => IdentifierArguments(root, frame)))
        {
            if (ReferenceEquals(value, OperationTree.Unwrap(operation)) || !SameRead(value, operation) || OnOtherBranch(value, operation)
                || LeftByAnExitThatLooksAt(value, operation))
            {
                continue;
            }
            return Found(operation, domain, $"{Describe(operation)} (handed as '{parameter}' elsewhere in this method)");
        }
        return null;
    }

    /// <summary>
    /// A value whose own name says whose id it is (<c>post.ClanId</c>, <c>orderId</c>) or that it is a
    /// public place or its code (<c>request.Venue</c>, <c>request.SchoolCode</c>): a callee that calls its parameter <c>userId</c> (a feed
    /// client's <c>Feed(slug, userId)</c>) or <c>pickupAddress</c> does not make it a person's.
    /// </summary>
    private static bool NamesAThingsId(IOperation operation)
    {
        var name = OperationTree.Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IMemberReferenceOperation member => member.Member.Name,
            _ => null,
        };
        var words = NameWords.Split(name);
        // request.Venue handed as a pickup address: a public place named for what it is, no one's home.
        return (words.Count > 1 && words[words.Count - 1] is "id" or "ids")
            || (words.Count > 0 && words[words.Count - 1] is "venue" or "venues" or "depot" or "stadium" or "arena" or "airport" or "terminal" or "warehouse")
            // request.SchoolCode handed as a pickup address (pupils are collected at school): a place's code.
            || (words.Count > 1 && words[words.Count - 1] == "code" && words[words.Count - 2] is "school" or "site" or "depot" or "station" or "hospital" or "clinic" or "branch" or "store" or "venue");
    }

    /// <summary>
    /// The value is sent inside an <c>if</c> branch that always leaves and handed over after it, where
    /// the <c>if</c> looked at the value itself (<c>var kind = code.StartsWith("APT-") ? "letter" : "nhs-app";
    /// if (kind == "letter") { …; return; }</c>): the code told the two kinds apart before handing one over.
    /// </summary>
    private static bool LeftByAnExitThatLooksAt(IOperation handed, IOperation sent)
    {
        var root = OperationTree.Root(sent);
        for (var current = sent.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalOperation { Condition: { } condition } choice && current.Parent is IBlockOperation
                && LeftByAnExit(choice, sent) && !OperationTree.Descendants(choice).Any(d => ReferenceEquals(d, handed))
                && LooksAt(condition, handed, root))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="inside"/> sits in the branch of an <c>if</c> statement that always leaves
    /// (<c>if (kind == "letter") { …; return; }</c>): what follows the statement runs only when the branch
    /// did not, as an <c>else</c> would.
    /// </summary>
    private static bool LeftByAnExit(IOperation statement, IOperation inside)
    {
        if (statement is not IConditionalOperation { IsRef: false } choice || choice.Type is { SpecialType: not SpecialType.System_Void })
        {
            return false;
        }
        foreach (var branch in new[] { choice.WhenTrue, choice.WhenFalse })
        {
            if (branch is not null && AlwaysLeaves(branch) && OperationTree.Descendants(branch).Any(d => ReferenceEquals(d, inside)))
            {
                return true;
            }
        }
        return false;

        static bool AlwaysLeaves(IOperation branch) =>
            (branch is IBlockOperation { Operations: { Length: > 0 } operations } ? operations[operations.Length - 1] : branch) switch
            {
                IReturnOperation or IBranchOperation => true,
                IExpressionStatementOperation { Operation: IThrowOperation } or IThrowOperation => true,
                _ => false,
            };
    }

    /// <summary>Whether a condition reads the value, or a local the method computed from it.</summary>
    private static bool LooksAt(IOperation condition, IOperation value, IOperation root)
    {
        foreach (var read in OperationTree.Descendants(condition).Prepend(condition))
        {
            if (SameRead(read, value))
            {
                return true;
            }
            if (read is ILocalReferenceOperation local
                && OperationTree.Descendants(root).OfType<IVariableDeclaratorOperation>().FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local)) is { Initializer: { } initializer }
                && OperationTree.Descendants(initializer).Any(d => SameRead(d, value)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A parameter name that says the value is a person's identifier: <c>nhsNumber</c>, <c>customerEmail</c>,
    /// <c>studentNumbers</c>, <c>email</c>. A person's noun alone (<c>member</c>, <c>user</c>,
    /// <c>candidate</c>) is left out: in a set's <c>AddAsync(key, member)</c> or a ranker's
    /// <c>Score(candidate)</c> it names an element, not a person. So is free text.
    /// </summary>
    private static bool NamesAnIdentifierValue(string name, TelemetryOptions options, out string domain)
    {
        var words = NameWords.Split(name);
        // A subject's id or key is a data subject's, or the thing a review, a question or a flag
        // evaluation is about (ReviewsForAsync(string subjectId, …) given a product's SKU): what is
        // handed to it is judged by its own name.
        return options.IsIdentifierName(words, out domain) && domain != "text" && !words.Contains("subject")
            && (words.Count > 1 || IdentifierValueWords.Contains(words[0]));
    }

    /// <summary>Words that name an identifying value by themselves, not a person.</summary>
    private static readonly ImmutableHashSet<string> IdentifierValueWords = ImmutableHashSet.Create(System.StringComparer.Ordinal,
        "mrn", "ssn", "nhs", "passport", "email", "emails", "phone", "phones", "msisdn", "iban", "nino", "medicare", "gamertag", "gamertags",
        "nickname", "username", "usernames", "imei", "imsi", "iccid", "dob", "mpan", "mprn", "surname", "forename", "upn", "login", "logins",
        "vin", "postcode", "zipcode", "xuid", "steamid", "mbox", "vrm", "isrn", "railcard", "uci", "uln", "uprn", "idfa", "idfv", "gaid",
        "aaid", "birthdate", "mrz", "pan", "mobile", "token", "tokens");

    private ImmutableArray<(IOperation Value, string Domain, string Parameter)> IdentifierArguments(IOperation root, Frame frame)
    {
        var values = ImmutableArray.CreateBuilder<(IOperation, string, string)>();
        foreach (var argument in OperationTree.Descendants(root).OfType<IArgumentOperation>())
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue
                || !CarriesIdentifier(parameter.Type) || _known.IsPseudonym(parameter.Type)
                || !NamesAnIdentifierValue(parameter.Name, frame.Options, out var domain)
                || argument.Parent is IInvocationOperation call && IsSanitizerMethod(call.TargetMethod, frame.Options))
            {
                continue;
            }
            var value = OperationTree.Unwrap(argument.Value);
            if (IsReadChain(value) || value is IParameterReferenceOperation)
            {
                values.Add((value, domain, parameter.Name));
            }
        }
        return values.ToImmutable();
    }
}
