using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// Fix All that hands each document's diagnostics to the fix's own one-pass edit, in document
/// order. Merging independent single fixes (the batch fixer) drops edits that touch the same lines
/// (two keys on one line, a using added twice) and so needed several runs; this does not.
/// </summary>
internal static class DocumentFixAll
{
    public static FixAllProvider Create(Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document>> fix) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            if (diagnostics.IsEmpty)
            {
                return document;
            }
            var ordered = diagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Location.SourceSpan.Length)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            return await fix(document, ordered, context.CancellationToken).ConfigureAwait(false);
        });
}
