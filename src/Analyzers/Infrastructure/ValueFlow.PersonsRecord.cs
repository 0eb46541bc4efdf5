using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: what a record holds of the person it identifies (their words, their pass).
internal sealed partial class ValueFlow
{
    /// <summary>
    /// Words for what someone wrote or what was written about them, when they end a member's name. On their
    /// own they say nothing of whose the words are (a product's description, a server's message): the
    /// record they sit in decides.
    /// </summary>
    private static readonly HashSet<string> WrittenTextHeads = new(System.StringComparer.Ordinal)
    {
        "description", "story", "message", "text", "details", "concern", "concerns", "reflection",
        "excerpt", "evidence", "summary", "complaint", "allegation", "disclosure", "symptoms", "situation",
    };

    /// <summary>
    /// Words before the head that make the text the application's or a machine's wording, not a person's:
    /// an error or status message, a template's text, a button's label text.
    /// </summary>
    private static readonly HashSet<string> SystemTextModifiers = new(System.StringComparer.Ordinal)
    {
        "error", "errors", "status", "failure", "fault", "validation", "template", "system", "default", "help", "hint", "label",
        "button", "prompt", "banner", "alt", "short", "product", "item", "sku", "service", "job", "log", "exception", "debug",
        "response", "reply", "auto", "automatic", "generated", "canned", "standard", "rule", "policy", "plan", "tariff", "course",
        // A provider's message is its wording of a code; a work's description (a takedown notice's) is of the work.
        "provider", "work",
    };

    /// <summary>
    /// A text member of the application's own record that also identifies a person by name
    /// (<c>Referral.Concerns</c> beside <c>NhsNumber</c>, <c>CastingApplication.Story</c> beside
    /// <c>ApplicantEmail</c>, <c>Intervention.PersonDescription</c>): free text written by or about that
    /// person, personal whatever its words. A description, a message or a summary in a record that names
    /// nobody (a product, a fault code, a job) stays the record's. A condition is left out: a medical
    /// condition sent alone is a category (asthma, diabetes), not who has it.
    /// </summary>
    private static bool IsPersonsWrittenText(ISymbol symbol, IReadOnlyList<string> words, TelemetryOptions options)
    {
        if (words.Count == 0 || !WrittenTextHeads.Contains(words[words.Count - 1])
            || TypeOf(symbol)?.SpecialType != SpecialType.System_String
            || words.Take(words.Count - 1).Any(SystemTextModifiers.Contains) || TelemetryOptions.HasThingModifier(words)
            || OwnRecordWords(symbol) is not { } ownerWords
            || ownerWords.Any(w => w is "exception" or "error" or "problem" or "result" or "response" or "options" or "settings"
                // A payment's or a transfer's description is the merchant's line on a statement.
                or "payment" or "intent" or "charge" or "transfer" or "payout" or "invoice" or "refund"))
        {
            return false;
        }
        return NamesPersonBeside(symbol, options);
    }

    /// <summary>
    /// The barcode or QR code of a pass, a ticket or a kit in the application's own record that also names a
    /// person (<c>BoardingPass.Barcode</c> beside <c>PassengerName</c>, a coach ticket's <c>Barcode</c> beside the
    /// passenger's mobile, an event ticket's <c>QrCode</c> beside <c>HolderEmail</c>): it was issued to that person and is
    /// scanned to find them (a boarding pass's barcode carries the name itself). A product's, a parcel's, a
    /// library item's or a sample's barcode stays the thing's, and so does a ticket's in a record that names nobody.
    /// </summary>
    private static bool IsPersonsPassCode(ISymbol symbol, IReadOnlyList<string> words, TelemetryOptions options)
    {
        var count = words.Count;
        if (count == 0 || !IsScalar(TypeOf(symbol)))
        {
            return false;
        }
        var last = words[count - 1];
        var isCode = last is "barcode" or "qr"
            || (count >= 2 && last is "code" or "payload" or "data" or "value" or "text" && words[count - 2] is "barcode" or "qr");
        if (!isCode || words.Any(ThingCodeWords.Contains) || TelemetryOptions.HasThingModifier(words)
            || OwnRecordWords(symbol) is not { } ownerWords || ownerWords.Any(ThingCodeWords.Contains))
        {
            return false;
        }
        return NamesPersonBeside(symbol, options);
    }

    /// <summary>What a barcode is printed on when it is a thing's: goods, parcels, stock, a library's copies, samples.</summary>
    private static readonly HashSet<string> ThingCodeWords = new(System.StringComparer.Ordinal)
    {
        "product", "products", "item", "items", "sku", "stock", "inventory", "article", "catalog", "catalogue", "gtin", "ean", "upc",
        "parcel", "package", "shipment", "consignment", "pallet", "tote", "label", "batch", "lot", "shelf", "bin", "location",
        "book", "copy", "volume", "title", "disc", "loan", "asset", "equipment", "sample", "specimen", "tube", "vial", "slide",
        // A test kit's barcode is the kit's until it is registered, and the code does not show when it was.
        "kit",
    };

    /// <summary>
    /// The words of the type a property or a field belongs to, when that type is one of the application's own
    /// records: declared in its source, not a machine's, and not a framework's or a platform's type (a chat
    /// client's message, Microsoft.Extensions.AI's response) even where its source is compiled in.
    /// </summary>
    private static List<string>? OwnRecordWords(ISymbol symbol)
    {
        if (symbol is not (IPropertySymbol or IFieldSymbol) || symbol.DeclaringSyntaxReferences.IsEmpty
            || symbol.ContainingType is not { } owner || IsFrameworkNamespace(symbol.ContainingNamespace))
        {
            return null;
        }
        var ownerWords = NameWords.Split(owner.Name);
        return TelemetryOptions.IsMachineName(ownerWords) ? null : ownerWords;
    }

    /// <summary>Whether another member of the record identifies a person; an audit field (CreatedBy) names who handled the record, not whom it is about.</summary>
    private static bool NamesPersonBeside(ISymbol symbol, TelemetryOptions options) =>
        HasPersonIdentifierBeside(symbol, options, siblingWords => siblingWords.Contains("by"));

    private static bool IsFrameworkNamespace(INamespaceSymbol? ns) =>
        ns?.ToDisplayString() is { } name
        && (name is "System" or "Microsoft" || name.StartsWith("System.", System.StringComparison.Ordinal) || name.StartsWith("Microsoft.", System.StringComparison.Ordinal));
}
