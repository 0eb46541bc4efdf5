using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Retail;

public sealed record DeliveryParty(string Name, string Street, string City, string Postcode, string Country);

public sealed record OrderLine(int LineNumber, string Gtin, decimal Quantity);

public sealed record DropShipOrder(string InterchangeRef, string OrderNumber, string BuyerGln, DeliveryParty DeliverTo, string? Phone, IReadOnlyList<OrderLine> Lines);

public sealed class EdifactStructureException(string message) : Exception(message);

/// <summary>
/// Receives ORDERS messages from marketplaces that sell our stock: each order is shipped from our
/// warehouse straight to the marketplace's customer, named in the NAD+DP segment.
/// </summary>
public sealed class DropShipOrdersHandler(Pseudonymizer pseudonymizer, Meter meter, ILogger<DropShipOrdersHandler> logger)
{
    private static readonly ActivitySource Source = new("Retail.Edi");

    public DropShipOrder Handle(string interchange)
    {
        var segments = Edifact.Split(interchange);
        var unb = segments.FirstOrDefault(s => s.Tag == "UNB") ?? throw new EdifactStructureException("No UNB segment");
        using var span = Source.StartInterchangeMessage("edifact", "ORDERS");
        span.SetInterchangeControlRef(unb.Element(5));
        span.SetInterchangePartner(unb.Element(2)); // clean generated-api
        span.SetInterchangeSegmentCount(segments.Count);

        string? orderNumber = null;
        string? buyerGln = null;
        string? phone = null;
        DeliveryParty? deliverTo = null;
        var lines = new List<OrderLine>();
        var inMessage = 0;
        foreach (var segment in segments)
        {
            inMessage++;
            switch (segment.Tag)
            {
                case "UNH":
                    inMessage = 1;
                    Activity.Current?.SetTag("edifact.message_version", string.Join(':', segment.Elements[2])); // clean precision-about
                    break;
                case "BGM":
                    orderNumber = segment.Element(2);
                    break;
                case "NAD" when segment.Element(1) == "BY":
                    buyerGln = segment.Element(2);
                    Activity.Current?.SetTag("edifact.buyer_gln", buyerGln); // clean precision-names
                    break;
                case "NAD" when segment.Element(1) == "DP":
                    logger.LogDebug("Delivery party {Segment}", segment.Raw); // leak TC1001 strings
                    deliverTo = new DeliveryParty(segment.Element(4), segment.Element(5), segment.Element(6), segment.Element(8), segment.Element(9));
                    Activity.Current?.SetTag("edifact.delivery.postcode", deliverTo.Postcode); // leak TC1001 direct
                    Activity.Current?.SetTag("edifact.delivery.district", deliverTo.Postcode.Split(' ')[0]); // clean precision-about
                    break;
                case "COM" when segment.Element(1, 1) == "TE":
                    phone = segment.Element(1);
                    break;
                case "LIN":
                    lines.Add(new OrderLine(int.Parse(segment.Element(1), CultureInfo.InvariantCulture), segment.Element(3), 0));
                    break;
                case "QTY" when lines.Count > 0:
                    lines[^1] = lines[^1] with { Quantity = decimal.Parse(segment.Element(1, 1), CultureInfo.InvariantCulture) };
                    break;
                case "UNT":
                    var declared = int.Parse(segment.Element(1), CultureInfo.InvariantCulture);
                    if (declared != inMessage)
                    {
                        logger.LogWarning("UNT declares {Declared} segments, message has {Counted}", declared, inMessage); // clean precision-about
                    }

                    break;
            }
        }

        if (deliverTo is null || orderNumber is null || buyerGln is null)
        {
            throw new EdifactStructureException($"ORDERS {orderNumber} lacks BGM, NAD+BY or NAD+DP");
        }

        if (phone is not null && !phone.StartsWith('+'))
        {
            logger.LogWarning("Delivery phone {Phone} of order {OrderNumber} is not in E.164", phone, orderNumber); // leak TC1001 direct
        }

        var order = new DropShipOrder(unb.Element(5), orderNumber, buyerGln, deliverTo, phone, lines);
        logger.LogInformation("ORDERS {OrderNumber} with {LineCount} lines for {DeliverTo}", order.OrderNumber, order.Lines.Count, order.DeliverTo); // leak TC1001 logging-objects
        span.SetInterchangeSubjectId(pseudonymizer.PseudonymizeInterchangeSubjectId($"{deliverTo.Name}|{deliverTo.Postcode}")); // clean precision-pseudonym
        span.SetInterchangeOutcome($"accepted for {deliverTo.Name}"); // leak TC1001 generated-api
        meter.CreateInterchangeMessagesCounter().Add(1, "edifact", "ORDERS", interchangeOutcome: deliverTo.Country); // clean precision-about
        return order;
    }

    /// <summary>The CONTRL message that acknowledges (or rejects) the interchange to the marketplace.</summary>
    public string Acknowledge(string interchangeRef, string sender, string recipient, bool accepted)
    {
        var action = accepted ? "7" : "4";
        var contrl = $"UNH+1+CONTRL:D:3:UN'UCI+{interchangeRef}+{sender}:14+{recipient}:14+{action}'UNT+3+1'";
        logger.LogInformation("Sending {Contrl}", contrl); // clean strings
        return contrl;
    }
}
