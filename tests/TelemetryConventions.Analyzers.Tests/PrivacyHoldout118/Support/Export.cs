namespace ExportKit;

// The shape of a blob store client with shared access signatures (Azure.Storage.Blobs), and the export
// bundle the services build in it.

[Flags]
public enum BlobSasPermissions
{
    Read = 1,
    Write = 2,
    Delete = 4,
}

public sealed class BlobClient(string containerName, string name)
{
    public string BlobContainerName { get; } = containerName;

    public string Name { get; } = name;

    public Uri Uri => new($"https://exports.blob.core.windows.net/{BlobContainerName}/{Name}");

    public Task UploadAsync(Stream content, bool overwrite, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteIfExistsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Uri GenerateSasUri(BlobSasPermissions permissions, DateTimeOffset expiresOn) =>
        new($"{Uri}?sv=2024-08-04&se={expiresOn:yyyy-MM-ddTHH:mm:ssZ}&sp=r&sig=Zm9vYmFy");
}

public sealed class BlobContainerClient(string name)
{
    public string Name { get; } = name;

    public BlobClient GetBlobClient(string blobName) => new(Name, blobName);
}

public sealed record ExportSection(string Name, string Format, int Records, long Bytes);

/// <summary>The manifest at the root of a bundle; its sections print as their list's type name.</summary>
public sealed record ExportManifest(Guid ExportId, Guid RequestId, IReadOnlyList<ExportSection> Sections, long TotalBytes, string Sha256);

/// <summary>A bundle being built. A class: it does not override <c>ToString</c>.</summary>
public sealed class ExportBundle
{
    public Guid ExportId { get; init; } = Guid.NewGuid();

    public required string BlobName { get; init; }

    public Uri? DownloadUrl { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public List<ExportSection> Sections { get; } = new();
}

public sealed class ExportTooLargeException(Guid exportId, long bytes, long limit)
    : Exception($"Export {exportId} is {bytes} bytes; the limit is {limit}.")
{
    public Guid ExportId { get; } = exportId;
}

/// <summary>A section could not be written; quotes the subject's key.</summary>
public sealed class SectionExportException(string section, string subjectKey, Exception inner)
    : Exception($"Section '{section}' failed for subject {subjectKey}: {inner.Message}", inner)
{
    public string Section { get; } = section;
}
