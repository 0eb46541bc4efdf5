using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout34.Support.Documents;

// Stand-ins for document storage (a blob container with metadata) and for comparing two versions
// of a contract (tracked changes). Only the shapes matter.

public sealed record StoredDocument(string Name, DateTimeOffset CreatedOn, long Size, IReadOnlyDictionary<string, string> Metadata);

public interface IDocumentStore
{
    IAsyncEnumerable<StoredDocument> ListAsync(string prefix, CancellationToken cancellationToken = default);

    Task<Uri> UploadAsync(string name, byte[] content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default);

    Task DeleteAsync(string name, CancellationToken cancellationToken = default);
}

public enum RevisionKind
{
    Insertion,
    Deletion,
    Formatting,
}

/// <summary>A tracked change: who made it (the editor's account, an email), what text, in which clause.</summary>
public sealed record Revision(RevisionKind Kind, string Author, string Text, string ClauseId, DateTimeOffset At);

public sealed record DocumentVersion(string DocumentId, int Number, string Author, string Text, DateTimeOffset SavedAt);

public sealed record Comparison(DocumentVersion Older, DocumentVersion Newer, IReadOnlyList<Revision> Revisions)
{
    public int Insertions => Revisions.Count(r => r.Kind == RevisionKind.Insertion);

    public int Deletions => Revisions.Count(r => r.Kind == RevisionKind.Deletion);
}

public interface IDocumentComparer
{
    Comparison Compare(DocumentVersion older, DocumentVersion newer);
}

public interface IDocumentVersionStore
{
    Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(string documentId, CancellationToken cancellationToken = default);
}
