using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a message key, when the code says what its topic is keyed by.
internal sealed partial class ValueFlow
{
    /// <summary>What the comments before a statement, a member or a type say its topic is keyed by (null when they say nothing), per node.</summary>
    private readonly ConcurrentDictionary<SyntaxNode, List<string>?> _keyedByIn = new();

    // "keyed by student number", "keyed on the topic by the meter's serial", "which is keyed by the
    // campus card's UID", "the tills key each sale by the loyalty card scanned": the phrase ends at
    // punctuation or at a word that starts a new clause.
    private static readonly Regex KeyedByPhrase = new(
        @"\b(?:keyed\s+(?:on\s+(?:the\s+)?topic\s+)?(?:by|on)|keys?\s+(?:(?!by\b)[a-z]+\s+){1,3}by)\s+(?<phrase>[^.,;:()\[\]]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly HashSet<string> PhraseEnds = new(System.StringComparer.Ordinal)
    {
        "so", "and", "or", "which", "that", "who", "whom", "to", "for", "with", "from", "in", "of", "when", "as", "at", "on",
        "into", "because", "while", "since", "but", "too",
    };

    private static readonly HashSet<string> PhraseFillers = new(System.StringComparer.Ordinal)
    {
        "the", "a", "an", "its", "their", "his", "her", "each", "one", "s",
    };

    /// <summary>
    /// A Kafka message's key (<c>result.Message.Key</c>) is whatever its producer chose, which the
    /// consumer cannot see; teams write it down where they read the topic: "consumes eligibility checks
    /// from the registry topic, keyed by student number". When the comments on the code that reads the
    /// key (its method, its type) or on the message's value type say the topic is keyed by a person's
    /// identifier, the key is one; keyed by a thing's id ("keyed by booking id") or said nowhere, the
    /// key is judged as before.
    /// </summary>
    private FlowResult? DocumentedMessageKey(IMemberReferenceOperation member, TelemetryOptions options)
    {
        if (member is not IPropertyReferenceOperation { Property: { Name: "Key", ContainingType: { Name: "Message" or "ConsumeResult", Arity: 2 } messageType } })
        {
            return null;
        }
        foreach (var commented in CommentedCode(member.Syntax, messageType))
        {
            if (_keyedByIn.GetOrAdd(commented, KeyedByWords) is not { } words)
            {
                continue;
            }
            // The nearest comment that says what the topic is keyed by decides, a thing's id as much as a person's.
            return options.IsIdentifierName(words, out var domain)
                ? Found(member, domain, $"{Describe(member)} (its topic is keyed by {string.Join(" ", words)})")
                : null;
        }
        return null;
    }

    /// <summary>
    /// The code whose comments may say what the key is, the nearest first: the statements before the read
    /// in its blocks, the members around it, the value type's declaration (it describes its own topic),
    /// then the types around the read.
    /// </summary>
    private static IEnumerable<SyntaxNode> CommentedCode(SyntaxNode read, INamedTypeSymbol messageType)
    {
        // "// The discharge topic is keyed by NHS number." above the statement that reads it, or above one before it.
        foreach (var statement in read.Ancestors().OfType<StatementSyntax>())
        {
            if (statement.Parent is BlockSyntax block)
            {
                for (var i = block.Statements.IndexOf(statement); i >= 0; i--)
                {
                    yield return block.Statements[i];
                }
            }
            else
            {
                yield return statement;
            }
        }
        var ancestors = read.Ancestors().Where(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax).ToList();
        foreach (var member in ancestors.Where(a => a is not BaseTypeDeclarationSyntax))
        {
            yield return member;
        }
        if (messageType.TypeArguments.Length == 2 && messageType.TypeArguments[1] is INamedTypeSymbol valueType)
        {
            foreach (var reference in valueType.DeclaringSyntaxReferences)
            {
                yield return reference.GetSyntax();
            }
        }
        foreach (var type in ancestors.OfType<BaseTypeDeclarationSyntax>())
        {
            yield return type;
        }
    }

    /// <summary>The words of the first "keyed by …" phrase in a node's leading comments, without articles and possessives.</summary>
    private static List<string>? KeyedByWords(SyntaxNode commented)
    {
        var text = string.Join(" ", commented.GetLeadingTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            .Select(t => t.ToFullString()));
        if (text.IndexOf("key", System.StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }
        // Comment markers and XML tags are not words; "card's" is the card's.
        text = Regex.Replace(text, @"<[^>]*>|///|//|/\*|\*/", " ");
        text = Regex.Replace(text, @"['’]s\b", string.Empty);
        var match = KeyedByPhrase.Match(Regex.Replace(text, @"\s+", " "));
        if (!match.Success)
        {
            return null;
        }
        var words = new List<string>();
        foreach (var token in match.Groups["phrase"].Value.Split(' '))
        {
            var lower = token.Trim().ToLowerInvariant();
            if (lower.Length == 0 || PhraseFillers.Contains(lower))
            {
                continue;
            }
            // "keyed by the loyalty card scanned at the till": a participle after the noun starts a clause.
            if (PhraseEnds.Contains(lower) || words.Count >= 6 || (words.Count > 0 && lower.Length > 4 && lower.EndsWith("ed", System.StringComparison.Ordinal)))
            {
                break;
            }
            words.AddRange(NameWords.Split(token));
        }
        return words.Count == 0 ? null : words;
    }
}
