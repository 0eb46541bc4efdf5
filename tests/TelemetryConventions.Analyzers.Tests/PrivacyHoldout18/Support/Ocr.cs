using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;

// Stand-ins for Azure AI Document Intelligence (Form Recognizer). Only the shapes matter.

namespace Azure.AI.FormRecognizer.DocumentAnalysis
{
    public enum DocumentFieldType
    {
        String,
        Date,
        PhoneNumber,
        Currency,
        SelectionMark,
    }

    public sealed class DocumentField
    {
        public DocumentFieldType FieldType { get; init; }

        /// <summary>The text of the field as it was read from the page.</summary>
        public string? Content { get; init; }

        public float? Confidence { get; init; }

        public string AsString() => Content ?? string.Empty;
    }

    public sealed class AnalyzedDocument
    {
        public string DocumentType { get; init; } = string.Empty;

        public float Confidence { get; init; }

        public IReadOnlyDictionary<string, DocumentField> Fields { get; init; } = new Dictionary<string, DocumentField>();
    }

    public sealed class DocumentLine
    {
        public string Content { get; init; } = string.Empty;
    }

    public sealed class DocumentPage
    {
        public int PageNumber { get; init; }

        public float? Angle { get; init; }

        public IReadOnlyList<DocumentLine> Lines { get; init; } = [];
    }

    public sealed class DocumentLanguage
    {
        public string Locale { get; init; } = "en";

        public float Confidence { get; init; }
    }

    public sealed class AnalyzeResult
    {
        public string ModelId { get; init; } = string.Empty;

        /// <summary>All the text recognised in the document, in reading order.</summary>
        public string Content { get; init; } = string.Empty;

        public IReadOnlyList<DocumentPage> Pages { get; init; } = [];

        public IReadOnlyList<AnalyzedDocument> Documents { get; init; } = [];

        public IReadOnlyList<DocumentLanguage> Languages { get; init; } = [];
    }

    public sealed class AnalyzeDocumentOperation
    {
        public string Id { get; init; } = string.Empty;

        public required AnalyzeResult Value { get; init; }
    }

    public class DocumentAnalysisClient
    {
        public virtual Task<AnalyzeDocumentOperation> AnalyzeDocumentAsync(WaitUntil waitUntil, string modelId, Stream document, CancellationToken cancellationToken = default) =>
            Task.FromResult(new AnalyzeDocumentOperation { Value = new AnalyzeResult { ModelId = modelId } });
    }
}
