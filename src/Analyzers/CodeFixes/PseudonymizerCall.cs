using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// How one raw identifier becomes a pseudonym: which pseudonymiser is the receiver (a local or
/// parameter first, then a field or property of the type, then a static instance on
/// <c>Pseudonymizer</c>, else one to add to the class as a field and constructor parameter), and
/// which call — the generated <c>Pseudonymize&lt;Attribute&gt;</c>/<c>Compute&lt;Attribute&gt;</c>
/// helper for the attribute the value is sent under, so that the domain is the one the conventions
/// declare, or <c>Pseudonymize(domain, …)</c> with the analyzer's domain where no helper applies.
/// </summary>
internal sealed class PseudonymizerCall
{
    private readonly ExpressionSyntax? _receiver;
    private readonly string _method;
    private readonly bool _passDomain;
    private readonly string _domain;
    private readonly bool _asText;

    private PseudonymizerCall(ExpressionSyntax? receiver, string method, bool passDomain, string domain, bool asText, IdentifierSpaceHelper? helper, AddedPseudonymizer? added)
    {
        _receiver = receiver;
        _method = method;
        _passDomain = passDomain;
        _domain = domain;
        _asText = asText;
        Helper = helper;
        Added = added;
    }

    /// <summary>The generated helper used, when there is one.</summary>
    public IdentifierSpaceHelper? Helper { get; }

    /// <summary>The pseudonymiser to add to the enclosing class, when none is in reach.</summary>
    public AddedPseudonymizer? Added { get; }

    /// <summary>What the code action says it does.</summary>
    public string Title
    {
        get
        {
            var what = Helper is { } helper
                ? $"Pseudonymise as '{helper.AttributeName}' with {_method} (domain '{helper.Domain}')"
                : $"Pseudonymise with the '{_domain}' domain";
            return Added is null ? what : what + ", adding a Pseudonymizer to the constructor";
        }
    }

    /// <summary>
    /// Plans the call that pseudonymises <paramref name="raw"/> in place of <paramref name="replaced"/>
    /// (the same expression when wrapping; the whole hash expression when replacing an unkeyed hash).
    /// Null when no pseudonymiser can be reached or added (a static method, a struct).
    /// </summary>
    public static PseudonymizerCall? Plan(SemanticModel model, ExpressionSyntax replaced, ExpressionSyntax raw, string domain, CancellationToken cancellationToken)
    {
        var type = model.Compilation.GetTypeByMetadataName("TelemetryConventions.Pseudonymizer");
        if (type is null)
        {
            return null;
        }
        var position = replaced.SpanStart;
        var asText = WantsString(model, replaced, cancellationToken);
        var helper = IdentifierSpaceHelpers.Choose(
            IdentifierSpaceHelpers.Find(model.Compilation, cancellationToken),
            IdentifierSpaceHelpers.SiteKey(model, replaced, cancellationToken),
            domain);

        string method;
        var passDomain = helper is null;
        if (helper is not null)
        {
            method = asText && helper.ComputeName is not null ? helper.ComputeName : helper.PseudonymizeName;
        }
        else if (PickMethod(type, asText) is { } picked)
        {
            if (picked.IsStatic)
            {
                return new PseudonymizerCall(Qualified(type), picked.Name, passDomain: true, domain, asText, null, null);
            }
            method = picked.Name;
        }
        else
        {
            return null;
        }

        if (Reachable(model, type, position, cancellationToken) is { } receiver)
        {
            return new PseudonymizerCall(receiver, method, passDomain, domain, asText, helper, null);
        }
        if (AddedPseudonymizer.Plan(model, replaced, type, cancellationToken) is { } added)
        {
            return new PseudonymizerCall(null, method, passDomain, domain, asText, helper, added);
        }
        return null;
    }

    /// <summary>The call, around <paramref name="raw"/> as it now stands (other fixes may have changed inside it).</summary>
    public ExpressionSyntax Build(SemanticModel model, ExpressionSyntax originalRaw, ExpressionSyntax raw, CancellationToken cancellationToken)
    {
        var receiver = _receiver ?? SyntaxFactory.IdentifierName(Added!.Name);
        var argument = RawArgument(model, originalRaw, raw, cancellationToken);
        var arguments = _passDomain
            ? new[] { SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(_domain))), SyntaxFactory.Argument(argument) }
            : new[] { SyntaxFactory.Argument(argument) };
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(_method)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The namespace to import so that the helper's extension method binds, or null.</summary>
    public string? NamespaceToImport(SemanticModel model, int position)
    {
        if (Helper is null)
        {
            return null;
        }
        var pseudonymizer = model.Compilation.GetTypeByMetadataName("TelemetryConventions.Pseudonymizer");
        if (pseudonymizer is not null && model.LookupSymbols(position, pseudonymizer, _method, includeReducedExtensionMethods: true).Any())
        {
            return null;
        }
        return Helper.Container.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
    }

    private static ExpressionSyntax? Reachable(SemanticModel model, INamedTypeSymbol type, int position, CancellationToken cancellationToken)
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
            return SyntaxFactory.IdentifierName(candidates[0].Name);
        }
        if (type.GetMembers().FirstOrDefault(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && TypeOf(m) is { } t && SymbolEqualityComparer.Default.Equals(t, type)) is { } shared)
        {
            // A shared instance on the type itself (Pseudonymizer.Default, .Shared, …).
            return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Qualified(type), SyntaxFactory.IdentifierName(shared.Name));
        }
        return null;
    }

    /// <summary>Compute (a string) where the context wants text; Pseudonymize (a Pseudonym) elsewhere.</summary>
    private static IMethodSymbol? PickMethod(INamedTypeSymbol type, bool wantsString)
    {
        var methods = type.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length == 2).ToList();
        var compute = methods.FirstOrDefault(m => m.Name == "Compute");
        var pseudonymize = methods.FirstOrDefault(m => m.Name == "Pseudonymize");
        return wantsString ? compute ?? pseudonymize : pseudonymize ?? compute;
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
    private static ExpressionSyntax RawArgument(SemanticModel model, ExpressionSyntax originalRaw, ExpressionSyntax raw, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(originalRaw, cancellationToken).Type;
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

    internal static ExpressionSyntax Qualified(INamedTypeSymbol type) =>
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
