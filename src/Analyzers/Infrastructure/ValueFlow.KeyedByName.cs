using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a dictionary whose name says whom it is keyed by.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// The keys of a dictionary named for what it is keyed by: <c>visitsByPatient</c>,
    /// <c>_breachesByModerator</c>, <c>ordersPerCustomer</c> hold one entry per person, under that
    /// person's identifier, wherever the entries were put in (a helper, another service, a cache).
    /// Null when the name says nothing of the keys or names a thing (<c>ordersByStore</c>,
    /// <c>countByHour</c>); its values and its count are not its keys.
    /// </summary>
    private static FlowResult? KeysNamedBy(IOperation collection, TelemetryOptions options)
    {
        ISymbol? symbol = collection switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member => member.Member,
            _ => null,
        };
        if (symbol is null || !IsDictionary(collection.Type))
        {
            return null;
        }
        var words = NameWords.Split(symbol.Name);
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] is not ("by" or "per"))
            {
                continue;
            }
            var keyWords = words.Skip(i + 1).ToList();
            if (options.IsIdentifierName(keyWords, out var domain))
            {
                return Found(collection, domain, $"{Describe(collection)} (keyed by {string.Join(" ", keyWords)})");
            }
        }
        return null;
    }
}
