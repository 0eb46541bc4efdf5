using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// Builds <c>pseudonymizer.Pseudonymize("patient", value)</c> from whatever pseudonymiser the code
/// can reach at that point: a local or parameter first, then a field or property of the type, then a
/// static entry point of <c>TelemetryConventions.Pseudonymizer</c>. Without one there is no fix to
/// offer: inventing a field would hide where the key comes from.
/// </summary>
internal static class PseudonymizerCall
{
    public static ExpressionSyntax? Create(SemanticModel model, ExpressionSyntax raw, string domain, CancellationToken cancellationToken) =>
        Create(model, raw, raw, domain, cancellationToken);

    /// <summary>
    /// The call that pseudonymises <paramref name="raw"/> and takes the place of <paramref name="replaced"/>
    /// (the same expression when wrapping; the whole hash expression when replacing an unkeyed hash).
    /// </summary>
    public static ExpressionSyntax? Create(SemanticModel model, ExpressionSyntax replaced, ExpressionSyntax raw, string domain, CancellationToken cancellationToken)
    {
        var type = model.Compilation.GetTypeByMetadataName("TelemetryConventions.Pseudonymizer");
        if (type is null)
        {
            return null;
        }
        var position = replaced.SpanStart;
        var wantsString = WantsString(model, replaced, cancellationToken);
        var method = PickMethod(type, wantsString, out var isStatic);
        if (method is null)
        {
            return null;
        }

        ExpressionSyntax? receiver = null;
        if (isStatic)
        {
            receiver = Qualified(type);
        }
        else
        {
            var inStatic = FixHelpers.IsInStaticContext(model, position, cancellationToken);
            var candidates = model.LookupSymbols(position)
                .Where(s => TypeOf(s) is { } t && SymbolEqualityComparer.Default.Equals(t, type))
                .Where(s => s is ILocalSymbol or IParameterSymbol || s.IsStatic || !inStatic)
                // A local is in scope in its whole block, but usable only after its declaration.
                .Where(s => s is not ILocalSymbol || s.Locations.All(l => l.SourceSpan.End < position))
                .OrderBy(s => s is ILocalSymbol or IParameterSymbol ? 0 : 1)
                .ThenBy(s => s.Name, System.StringComparer.Ordinal)
                .ToList();
            if (candidates.Count > 0)
            {
                receiver = SyntaxFactory.IdentifierName(candidates[0].Name);
            }
            else if (type.GetMembers().FirstOrDefault(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && TypeOf(m) is { } t && SymbolEqualityComparer.Default.Equals(t, type)) is { } shared)
            {
                // A shared instance on the type itself (Pseudonymizer.Default, .Shared, …).
                receiver = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Qualified(type), SyntaxFactory.IdentifierName(shared.Name));
            }
        }
        if (receiver is null)
        {
            return null;
        }

        var argument = RawArgument(model, raw, cancellationToken);
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(method.Name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(domain))),
                    SyntaxFactory.Argument(argument),
                })))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>Compute (a string) where the context wants text; Pseudonymize (a Pseudonym) elsewhere.</summary>
    private static IMethodSymbol? PickMethod(INamedTypeSymbol type, bool wantsString, out bool isStatic)
    {
        var methods = type.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length == 2).ToList();
        var compute = methods.FirstOrDefault(m => m.Name == "Compute");
        var pseudonymize = methods.FirstOrDefault(m => m.Name == "Pseudonymize");
        var chosen = wantsString ? compute ?? pseudonymize : pseudonymize ?? compute;
        isStatic = chosen?.IsStatic ?? false;
        return chosen;
    }

    private static bool WantsString(SemanticModel model, ExpressionSyntax raw, CancellationToken cancellationToken)
    {
        SyntaxNode outer = raw;
        while (outer.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            outer = parenthesized;
        }
        var parent = outer.Parent;
        if (parent is InterpolationSyntax || parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression })
        {
            return true;
        }
        return model.GetTypeInfo(raw, cancellationToken).ConvertedType?.SpecialType == SpecialType.System_String;
    }

    /// <summary>Strings and whole numbers go in as they are; anything else by its text.</summary>
    private static ExpressionSyntax RawArgument(SemanticModel model, ExpressionSyntax raw, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(raw, cancellationToken).Type;
        var bare = raw.WithoutTrivia();
        switch (type?.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
                return bare;
        }
        var receiver = bare is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? bare
            : SyntaxFactory.ParenthesizedExpression(bare);
        return SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("ToString")));
    }

    private static ExpressionSyntax Qualified(INamedTypeSymbol type) =>
        SyntaxFactory.ParseExpression(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
