using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// A yes-or-no question about a type, answered once per type symbol and kept as long as the symbol
/// (and so its compilation) lives: for questions asked of nearly every value's type, which read the
/// type's members, interfaces or attributes.
/// </summary>
internal sealed class TypeAnswers
{
    private static readonly object Yes = new();
    private static readonly object No = new();

    private readonly ConditionalWeakTable<INamedTypeSymbol, object> _answers = new();
    private readonly ConditionalWeakTable<INamedTypeSymbol, object>.CreateValueCallback _answer;

    public TypeAnswers(Func<INamedTypeSymbol, bool> question) =>
        _answer = type => question(type) ? Yes : No;

    public bool For(INamedTypeSymbol type) => _answers.GetValue(type, _answer) == Yes;
}
