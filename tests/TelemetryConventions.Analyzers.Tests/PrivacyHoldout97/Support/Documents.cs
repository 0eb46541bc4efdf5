namespace DocKit.Pdf
{
    /// <summary>A PDF's document information dictionary: what the authoring tool wrote into it.</summary>
    public sealed class DocumentInformation
    {
        public string? Title { get; init; }

        public string? Author { get; init; }

        public string? Subject { get; init; }

        public string? Keywords { get; init; }

        /// <summary>The application that made the original (Word, a scanner's firmware).</summary>
        public string? Creator { get; init; }

        /// <summary>The library that wrote the PDF.</summary>
        public string? Producer { get; init; }

        public string? CreationDate { get; init; }

        public string? ModifiedDate { get; init; }

        /// <summary>Every entry of the dictionary, custom ones included.</summary>
        public IReadOnlyDictionary<string, string> GetMetadataDictionary() => new Dictionary<string, string>();
    }

    public sealed class PdfDocument : IDisposable
    {
        public int NumberOfPages { get; init; }

        public decimal Version { get; init; } = 1.7m;

        public bool IsEncrypted { get; init; }

        public DocumentInformation Information { get; init; } = new();

        public bool TryGetXmpMetadata(out string? xmp)
        {
            xmp = null;
            return false;
        }

        public static PdfDocument Open(Stream stream) => new();

        public void Dispose()
        {
        }
    }

    /// <summary>The bytes are not a readable PDF (<c>Could not find the version header comment at the start of the document.</c>). Quotes no name.</summary>
    public sealed class PdfDocumentFormatException(string message) : Exception(message);
}

namespace DocKit.OpenXml
{
    /// <summary>The core properties of an Office package (<c>docProps/core.xml</c>).</summary>
    public sealed class PackageProperties
    {
        public string? Title { get; init; }

        public string? Subject { get; init; }

        /// <summary>The author, as Word fills it from the signed-in account.</summary>
        public string? Creator { get; init; }

        public string? LastModifiedBy { get; init; }

        public string? Revision { get; init; }

        public DateTime? Created { get; init; }

        public DateTime? Modified { get; init; }

        public string? Category { get; init; }

        public string? Keywords { get; init; }
    }

    /// <summary>The extended properties (<c>docProps/app.xml</c>).</summary>
    public sealed class ExtendedProperties
    {
        public string? Application { get; init; }

        public string? AppVersion { get; init; }

        public string? Template { get; init; }

        public string? Company { get; init; }

        public int Pages { get; init; }

        public int Words { get; init; }

        public int Characters { get; init; }

        /// <summary>Total editing time, in minutes.</summary>
        public int TotalTime { get; init; }
    }

    public sealed class WordprocessingDocument : IDisposable
    {
        public PackageProperties PackageProperties { get; init; } = new();

        public ExtendedProperties? ExtendedProperties { get; init; }

        /// <summary>The document's plain text.</summary>
        public string InnerText { get; init; } = string.Empty;

        public bool HasMacros { get; init; }

        public IReadOnlyList<string> Comments { get; init; } = Array.Empty<string>();

        public static WordprocessingDocument Open(Stream stream, bool isEditable) => new();

        public void Dispose()
        {
        }
    }

    /// <summary>The package is not a valid Office file (<c>File contains corrupted data.</c>). Quotes no name.</summary>
    public sealed class OpenXmlPackageException(string message) : Exception(message);
}
