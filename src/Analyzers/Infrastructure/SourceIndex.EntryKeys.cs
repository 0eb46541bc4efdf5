using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The source index, continued: the constant keys a dictionary member is read or written by.
internal sealed partial class SourceIndex
{
    /// <summary>The dictionary methods whose first argument is the entry's key.</summary>
    private static readonly HashSet<string> KeyedMethodNames = new(StringComparer.Ordinal)
    {
        "TryGetValue", "GetValueOrDefault", "ContainsKey", "TryAdd", "Add", "Remove", "TryRemove", "AddOrUpdate", "GetOrAdd",
    };

    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<(string Key, SyntaxTree Tree)>> _entryKeys = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The constant keys the source reads or writes a dictionary-typed field or property by, anywhere in
    /// the compilation: <c>ev.Props["meter_serial"]</c>, <c>form.Fields.GetValueOrDefault("email")</c>,
    /// <c>settings.Values.ContainsKey("notifications.contact_email")</c>. A bag filled by a deserialiser
    /// has no writes in sight; the keys its readers ask for are what the source knows of its entries.
    /// Each key comes with the file it is read in.
    /// </summary>
    public IReadOnlyList<(string Key, SyntaxTree Tree)> EntryKeysOf(ISymbol member, CancellationToken cancellationToken) =>
        _entryKeys.GetOrAdd(member.OriginalDefinition, m => FindEntryKeys(m, cancellationToken));

    private List<(string Key, SyntaxTree Tree)> FindEntryKeys(ISymbol member, CancellationToken cancellationToken)
    {
        var found = new List<(string Key, SyntaxTree Tree)>();
        foreach (var (tree, name) in SimpleNamesAt(member.Name, cancellationToken))
        {
            ExpressionSyntax bag = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            ExpressionSyntax? key = bag.Parent switch
            {
                ElementAccessExpressionSyntax element when element.Expression == bag && element.ArgumentList.Arguments.Count == 1
                    => element.ArgumentList.Arguments[0].Expression,
                MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } method
                    when method.Expression == bag && call.Expression == method && KeyedMethodNames.Contains(method.Name.Identifier.ValueText)
                        && call.ArgumentList.Arguments.Count > 0
                    => call.ArgumentList.Arguments[0].Expression,
                // ev.Props?["email"], form.Fields?.GetValueOrDefault("email")
                ConditionalAccessExpressionSyntax conditional when conditional.Expression == bag => conditional.WhenNotNull switch
                {
                    ElementBindingExpressionSyntax element when element.ArgumentList.Arguments.Count == 1 => element.ArgumentList.Arguments[0].Expression,
                    InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax method } call
                        when KeyedMethodNames.Contains(method.Name.Identifier.ValueText) && call.ArgumentList.Arguments.Count > 0
                        => call.ArgumentList.Arguments[0].Expression,
                    _ => null,
                },
                _ => null,
            };
            if (key is null)
            {
                continue;
            }
            var model = ModelOf(tree);
            if (model.GetConstantValue(key, cancellationToken) is { HasValue: true, Value: string text }
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(bag, cancellationToken).Symbol?.OriginalDefinition, member)
                && !found.Contains((text, tree)))
            {
                found.Add((text, tree));
            }
        }
        return found;
    }
}
