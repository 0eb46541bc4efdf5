using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Analyzers.Infrastructure;

internal static class ExceptionTypes
{
    /// <summary>
    /// A <c>catch (ChartLockedException)</c> sees only what derives from it, or what it derives
    /// from when the exception is thrown as a base type (a helper that returns <c>Exception</c>).
    /// </summary>
    public static bool CanBeCaughtAs(ITypeSymbol? thrown, ITypeSymbol caught) =>
        thrown is null || IsOrDerivesFrom(thrown, caught) || IsOrDerivesFrom(caught, thrown);

    /// <summary>Whether <paramref name="type"/> is <paramref name="ancestor"/> or derives from it.</summary>
    public static bool IsOrDerivesFrom(ITypeSymbol? type, ITypeSymbol ancestor)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ancestor))
            {
                return true;
            }
        }
        return false;
    }
}
