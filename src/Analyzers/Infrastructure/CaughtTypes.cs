using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// The exceptions a <c>catch</c> clause takes: those of its type, less those an earlier clause of the
/// same <c>try</c> takes first. An exception caught and rethrown there leaves the whole <c>try</c>
/// statement, so a later clause never sees it.
/// </summary>
internal sealed class CaughtTypes : IEquatable<CaughtTypes>
{
    private readonly ImmutableArray<ITypeSymbol> _takenEarlier;

    private CaughtTypes(ITypeSymbol type, ImmutableArray<ITypeSymbol> takenEarlier)
    {
        Type = type;
        _takenEarlier = takenEarlier;
    }

    /// <summary>The type the clause declares.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>A clause (or a task's faults) with nothing before it.</summary>
    public static CaughtTypes Of(ITypeSymbol type) => new(type, ImmutableArray<ITypeSymbol>.Empty);

    /// <summary>
    /// The clause <paramref name="clause"/> of <paramref name="statement"/>: the types of the clauses
    /// before it that have no filter take their exceptions first.
    /// </summary>
    public static CaughtTypes Of(ITypeSymbol type, ITryOperation statement, ICatchClauseOperation clause)
    {
        var earlier = ImmutableArray.CreateBuilder<ITypeSymbol>();
        foreach (var sibling in statement.Catches)
        {
            if (ReferenceEquals(sibling, clause))
            {
                break;
            }
            if (sibling.Filter is null && sibling.ExceptionType is { TypeKind: not TypeKind.Error } taken)
            {
                earlier.Add(taken);
            }
        }
        return new CaughtTypes(type, earlier.ToImmutable());
    }

    /// <summary>Whether an exception created as exactly <paramref name="created"/> reaches the clause.</summary>
    public bool TakesCreated(ITypeSymbol? created) => ExceptionTypes.IsOrDerivesFrom(created, Type) && !TakenEarlier(created);

    /// <summary>Whether an exception thrown through an expression of static type <paramref name="thrown"/> may reach the clause.</summary>
    public bool Takes(ITypeSymbol? thrown) => ExceptionTypes.CanBeCaughtAs(thrown, Type) && !TakenEarlier(thrown);

    // Every instance of a type that derives from an earlier clause's type is that clause's.
    private bool TakenEarlier(ITypeSymbol? thrown) =>
        thrown is not null && _takenEarlier.Any(taken => ExceptionTypes.IsOrDerivesFrom(thrown, taken));

    public bool Equals(CaughtTypes? other) =>
        other is not null && SymbolEqualityComparer.Default.Equals(Type, other.Type)
        && _takenEarlier.Length == other._takenEarlier.Length
        && _takenEarlier.All(taken => other._takenEarlier.Contains(taken, SymbolEqualityComparer.Default));

    public override bool Equals(object? obj) => Equals(obj as CaughtTypes);

    public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Type) * 31 + _takenEarlier.Length;
}
