using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// TC3001 for a span wrapper thrown away by a statement: <c>source.StartX(…);</c> becomes
/// <c>using var span = source.StartX(…);</c>, so the span ends with the enclosing block. Offered
/// only where a using declaration may stand (directly in a block or among top-level statements).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndSpanWithUsingCodeFix)), Shared]
public sealed class EndSpanWithUsingCodeFix : CodeFixProvider
{
    private const string BaseName = "span";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.SpanNeverEnded);

    /// <summary>
    /// Fixing several statements of one method at once must not give two of them the same name, so
    /// the document's fixes are made together rather than merged from independent edits.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.ContainsKey(PropertyNames.Discarded))
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || Find(root, diagnostic) is null)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                "End the span with a using declaration",
                cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                equivalenceKey: RuleIds.SpanNeverEnded),
            diagnostic);
    }

    /// <summary>The statement that throws the wrapper away and the wrapper expression in it.</summary>
    private static (ExpressionStatementSyntax Statement, ExpressionSyntax Span)? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree || !diagnostic.Properties.ContainsKey(PropertyNames.Discarded))
        {
            return null;
        }
        if (root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp8 })
        {
            return null;
        }
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var statement = node.FirstAncestorOrSelf<ExpressionStatementSyntax>();
        if (statement is null || statement.Parent is not (BlockSyntax or GlobalStatementSyntax) || IsFollowedByLabel(statement))
        {
            return null;
        }
        var span = statement.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
            ? discard.Right
            : statement.Expression;
        return span.Span.Contains(diagnostic.Location.SourceSpan) ? (statement, span) : null;
    }

    /// <summary>
    /// A goto may not jump past a using declaration into its scope, so a block with a label after
    /// the statement is left alone.
    /// </summary>
    private static bool IsFollowedByLabel(ExpressionStatementSyntax statement)
    {
        var siblings = statement.Parent is BlockSyntax block
            ? block.Statements.Select(s => (SyntaxNode)s)
            : statement.Parent!.Parent!.ChildNodes().OfType<GlobalStatementSyntax>().Select(g => (SyntaxNode)g.Statement);
        return siblings.Any(s => s.SpanStart > statement.SpanStart && s.DescendantNodesAndSelf().OfType<LabeledStatementSyntax>().Any());
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }
        var targets = new Dictionary<ExpressionStatementSyntax, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Find(root, diagnostic) is ({ } statement, { } span))
            {
                targets[statement] = span;
            }
        }
        if (targets.Count == 0)
        {
            return document;
        }

        // Names are chosen in document order, each scope remembering the ones already handed out.
        var taken = new Dictionary<SyntaxNode, HashSet<string>>();
        var replacements = new Dictionary<SyntaxNode, StatementSyntax>();
        foreach (var pair in targets.OrderBy(p => p.Key.SpanStart))
        {
            var scope = Scope(pair.Key);
            if (!taken.TryGetValue(scope, out var names))
            {
                names = NamesIn(scope, model, pair.Key.SpanStart, cancellationToken);
                taken.Add(scope, names);
            }
            var name = BaseName;
            for (var index = 2; names.Contains(name); index++)
            {
                name = BaseName + index;
            }
            names.Add(name);
            replacements[pair.Key] = UsingDeclaration(name, pair.Value).WithTriviaFrom(pair.Key);
        }
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static LocalDeclarationStatementSyntax UsingDeclaration(string name, ExpressionSyntax span) =>
        SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var").WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name).WithTrailingTrivia(SyntaxFactory.Space))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(
                                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                                span.WithoutTrivia())))))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));

    /// <summary>
    /// The member (or the file, for top-level statements) the new local lives in. C# forbids a local
    /// that shares its name with another in an enclosing or nested scope, so the whole member counts.
    /// </summary>
    private static SyntaxNode Scope(SyntaxNode statement) =>
        statement.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not GlobalStatementSyntax)
        ?? statement.SyntaxTree.GetRoot();

    /// <summary>
    /// Every identifier written in the scope, and every name visible at the statement: a superset of
    /// what the new name could clash with or shadow.
    /// </summary>
    private static HashSet<string> NamesIn(SyntaxNode scope, SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var token in scope.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                names.Add(token.ValueText);
            }
        }
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            names.Add(symbol.Name);
        }
        return names;
    }
}
