using System.Diagnostics;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;

namespace PrivacyHoldout21.Retail;

/// <summary>Receives cXML OrderRequest documents punched out from business customers' procurement systems.</summary>
public sealed class CxmlOrderRequestHandler(ILogger<CxmlOrderRequestHandler> logger)
{
    private static readonly ActivitySource Source = new("Retail.Cxml");

    public string Handle(string body)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (XmlException ex)
        {
            logger.LogWarning(ex, "cXML request is not well-formed"); // clean exceptions
            return Response("400", "Bad Request");
        }

        var cxml = document.Root!;
        var payloadId = cxml.Attribute("payloadID")?.Value;
        var fromIdentity = cxml.Element("Header")?.Element("From")?.Element("Credential")?.Element("Identity")?.Value;
        using var span = Source.StartInterchangeMessage("cxml", "OrderRequest");
        span.SetInterchangeControlRef(payloadId);
        span.SetInterchangePartner(fromIdentity);

        var header = cxml.Element("Request")?.Element("OrderRequest")?.Element("OrderRequestHeader");
        var orderId = header?.Attribute("orderID")?.Value;
        Activity.Current?.SetTag("cxml.order_id", orderId);

        var shipTo = header?.Element("ShipTo")?.Element("Address");
        var deliverTo = shipTo?.Element("PostalAddress")?.Element("DeliverTo")?.Value;
        Activity.Current?.SetTag("cxml.ship_to.deliver_to", deliverTo); // leak TC1001 direct
        logger.LogDebug("ShipTo {ShipTo}", shipTo?.ToString(SaveOptions.DisableFormatting)); // leak TC1001 strings

        var buyerEmail = header?.Elements("Contact").FirstOrDefault(c => c.Attribute("role")?.Value == "buyer")?.Element("Email")?.Value;
        logger.LogInformation("OrderRequest {OrderId} raised by {BuyerEmail}", orderId, buyerEmail); // leak TC1001 direct
        Activity.Current?.SetTag("cxml.buyer.email_domain", buyerEmail?.Split('@')[^1]); // clean precision-about
        Activity.Current?.SetTag(InterchangeAttributes.SubjectContact, buyerEmail); // leak TC1001 generated-api

        var extrinsics = header?.Elements("Extrinsic").ToDictionary(e => e.Attribute("name")?.Value ?? "?", e => e.Value) ?? [];
        Activity.Current?.SetTag("cxml.extrinsic_names", string.Join(',', extrinsics.Keys)); // clean precision-names
        logger.LogDebug("OrderRequest {OrderId} extrinsics {@Extrinsics}", orderId, extrinsics); // leak TC1001 logging-objects

        var items = cxml.Descendants("ItemOut").ToList();
        Activity.Current?.SetTag("cxml.item_count", items.Count); // clean precision-about
        Activity.Current?.SetTag("cxml.supplier_part_ids", string.Join(',', items.Select(i => i.Element("ItemID")?.Element("SupplierPartID")?.Value)));
        var money = header?.Element("Total")?.Element("Money");
        logger.LogInformation("OrderRequest {OrderId} totals {Amount} {Currency}", orderId, money?.Value, money?.Attribute("currency")?.Value);
        return Response("200", "OK");
    }

    private static string Response(string code, string text) =>
        $"<?xml version=\"1.0\"?><cXML><Response><Status code=\"{code}\" text=\"{text}\"/></Response></cXML>";
}
