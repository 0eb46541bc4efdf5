using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;

namespace PrivacyHoldout21.Media;

/// <summary>Reads ONIX 3.0 product feeds from publishers into the audiobook and e-book catalogue.</summary>
public sealed class OnixFeedIngest(ILogger<OnixFeedIngest> logger)
{
    private static readonly XNamespace Onix = "http://ns.editeur.org/onix/3.0/reference";
    private static readonly ActivitySource Source = new("Media.Catalogue");

    public int Ingest(Stream feed)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(feed);
        }
        catch (XmlException ex)
        {
            logger.LogError(ex, "ONIX feed is not well-formed at {Line}:{Position}", ex.LineNumber, ex.LinePosition); // clean exceptions
            throw;
        }

        var root = document.Root ?? throw new InvalidDataException("Empty ONIX message");
        var sender = root.Element(Onix + "Header")?.Element(Onix + "Sender");
        var senderName = sender?.Element(Onix + "SenderName")?.Value ?? "unknown";
        using var span = Source.StartInterchangeMessage("onix-3.0", "ONIXMessage");
        span.SetInterchangePartner(senderName); // clean generated-api
        span.SetInterchangeControlRef(root.Element(Onix + "Header")?.Element(Onix + "MessageNumber")?.Value);
        logger.LogDebug("Feed from {Sender}, contact {ContactName}", senderName, sender?.Element(Onix + "ContactName")?.Value); // leak TC1001 direct
        Activity.Current?.SetTag("onix.sender.email", sender?.Element(Onix + "EmailAddress")?.Value); // leak TC1001 direct

        var products = root.Elements(Onix + "Product").ToList();
        span.SetInterchangeSegmentCount(products.Count);
        foreach (var product in products)
        {
            var recordReference = product.Element(Onix + "RecordReference")?.Value;
            var isbn = product.Elements(Onix + "ProductIdentifier").FirstOrDefault(i => i.Element(Onix + "ProductIDType")?.Value == "15")?.Element(Onix + "IDValue")?.Value;
            Activity.Current?.AddEvent(new ActivityEvent("onix.product", tags: new ActivityTagsCollection { ["onix.record_reference"] = recordReference, ["onix.isbn13"] = isbn, ["onix.notification_type"] = product.Element(Onix + "NotificationType")?.Value })); // clean direct

            var contributors = product.Descendants(Onix + "Contributor").ToList();
            foreach (var contributor in contributors.Where(c => c.Element(Onix + "ContributorRole") is null))
            {
                logger.LogWarning("Contributor {PersonName} of {RecordReference} has no role", contributor.Element(Onix + "PersonName")?.Value, recordReference); // leak TC1001 direct
                logger.LogDebug("Contributor element {Contributor}", contributor.ToString(SaveOptions.DisableFormatting)); // leak TC1001 strings
            }

            Activity.Current?.SetTag("onix.contributor_count", contributors.Count); // clean precision-names
            Activity.Current?.SetTag("onix.contributor_roles", string.Join(',', contributors.Select(c => c.Element(Onix + "ContributorRole")?.Value))); // clean precision-names

            var eidr = product.Elements(Onix + "RelatedProduct").SelectMany(r => r.Elements(Onix + "ProductIdentifier")).FirstOrDefault(i => i.Element(Onix + "IDTypeName")?.Value == "EIDR")?.Element(Onix + "IDValue")?.Value;
            if (eidr is not null && !eidr.StartsWith("10.5240/", StringComparison.Ordinal))
            {
                logger.LogWarning("Related EIDR {Eidr} of {RecordReference} is not an EIDR DOI", eidr, recordReference); // clean direct
            }
        }

        return products.Count;
    }
}
