using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace TelemetryConventions.CodeFixes;

/// <summary>One value to pseudonymise: the expression replaced, the raw value inside it, and the analyzer's domain.</summary>
internal readonly struct PseudonymizeTarget
{
    public PseudonymizeTarget(TextSpan replaced, TextSpan raw, string domain)
    {
        Replaced = replaced;
        Raw = raw;
        Domain = domain;
    }

    public TextSpan Replaced { get; }

    public TextSpan Raw { get; }

    public string Domain { get; }
}

/// <summary>
/// Applies any number of pseudonymisations to one document in one pass, against one semantic model:
/// the single fix and Fix All share it, so fixing a whole project gives the same text as fixing
/// each diagnostic in turn, in document order, whatever order the diagnostics arrive in.
/// </summary>
internal static class PseudonymizeEdit
{
    public static async Task<Document> ApplyAsync(Document document, IEnumerable<PseudonymizeTarget> targets, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var root = editor.OriginalRoot;
        var pseudonymizer = model.Compilation.GetTypeByMetadataName("TelemetryConventions.Pseudonymizer");
        if (pseudonymizer is null)
        {
            return document;
        }

        var imports = new SortedSet<string>(System.StringComparer.Ordinal);
        var additions = new Dictionary<ClassDeclarationSyntax, AddedPseudonymizer>();
        var seen = new HashSet<TextSpan>();
        var applied = 0;
        foreach (var target in targets.OrderBy(t => t.Replaced.Start).ThenBy(t => t.Replaced.Length))
        {
            if (!seen.Add(target.Replaced)
                || FixHelpers.ExpressionAt(root, target.Replaced) is not { } replaced
                || FixHelpers.ExpressionAt(root, target.Raw) is not { } raw
                || !replaced.Span.Contains(raw.Span)
                || PseudonymizerCall.Plan(model, replaced, raw, target.Domain, cancellationToken) is not { } call)
            {
                continue;
            }
            if (call.Added is { } added)
            {
                // Every site of one class uses the pseudonymiser the first of them added.
                if (additions.TryGetValue(added.Declaration, out var earlier))
                {
                    if (earlier.Name != added.Name)
                    {
                        continue;
                    }
                }
                else
                {
                    additions.Add(added.Declaration, added);
                }
            }
            if (call.NamespaceToImport(model, replaced.SpanStart) is { } ns)
            {
                imports.Add(ns);
            }
            applied++;
            var rawInPlace = ReferenceEquals(replaced, raw);
            editor.ReplaceNode(replaced, (current, _) =>
                call.Build(model, raw, rawInPlace ? (ExpressionSyntax)current : raw, cancellationToken).WithTriviaFrom(current));
        }
        if (applied == 0)
        {
            return document;
        }

        var pseudonymizerType = SyntaxFactory.ParseTypeName(pseudonymizer.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        foreach (var addition in additions.Values.OrderBy(a => a.Declaration.SpanStart))
        {
            editor.ReplaceNode(addition.Declaration, (current, _) => addition.Apply((ClassDeclarationSyntax)current, pseudonymizerType));
        }

        var changed = FixHelpers.WithUsings(editor.GetChangedRoot(), imports);
        var result = document.WithSyntaxRoot(changed);
        result = await FixHelpers.AddImportsAsync(result, cancellationToken).ConfigureAwait(false);
        result = await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(result, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
