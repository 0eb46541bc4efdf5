using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Energy;

public sealed record OutageReport(string AccountNumber, string CallbackPhone, string FeederId, string Postcode, int AffectedCustomerCount);

public sealed record OutageTicket(Guid TicketId, string FeederId, string Priority);

[ApiController]
[Route("api/outages")]
public sealed class OutageController(ILogger<OutageController> logger, Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Utility.Outages");
    private static readonly Meter Meter = new("Utility.Outages");
    private static readonly Counter<long> Reports = Meter.CreateCounter<long>("utility.outage.reports");

    [HttpPost]
    public ActionResult Report([FromBody] OutageReport report)
    {
        using var activity = Source.StartActivity("outage.report");
        activity?.SetTag("utility.feeder", report.FeederId); // clean direct
        activity?.SetTag("utility.outage.affected_customer_count", report.AffectedCustomerCount); // clean precision-names
        activity?.SetTag("utility.outage.callback", report.CallbackPhone); // leak TC1001 direct

        var reference = string.Create(CultureInfo.InvariantCulture, $"OUT-{report.AccountNumber}-{DateTime.UtcNow:yyyyMMdd}");
        activity?.SetTag("utility.outage.reference", reference); // leak TC1001 strings
        var message = string.Format(CultureInfo.InvariantCulture, "Outage on {0} reported by {1}", report.FeederId, report.AccountNumber);
        logger.LogInformation(message); // leak TC1001 strings
        logger.LogInformation($"Callback requested on {report.CallbackPhone}"); // leak TC1001 strings
        logger.LogInformation("Callback requested ({PhoneDigits} digits)", report.CallbackPhone.Count(char.IsDigit)); // clean precision-about

        var ticket = new OutageTicket(Guid.NewGuid(), report.FeederId, report.AffectedCustomerCount > 100 ? "P1" : "P3");
        logger.LogInformation("Opened {@Ticket}", ticket); // clean logging-objects
        Reports.Add(1, new KeyValuePair<string, object?>("utility.outage.priority", ticket.Priority), new KeyValuePair<string, object?>("utility.postcode_area", report.Postcode[..2])); // clean precision-about
        activity?.SetTag("utility.account.ref", pseudonymizer.Pseudonymize("utility.account", report.AccountNumber)); // clean precision-pseudonym
        return Ok(ticket.TicketId);
    }

    [HttpGet("{feederId}/summary")]
    public ActionResult Summary(string feederId, IReadOnlyList<OutageReport> reports)
    {
        var sb = new StringBuilder();
        foreach (var report in reports)
        {
            sb.AppendFormat(CultureInfo.InvariantCulture, "{0}:{1};", report.AccountNumber, report.AffectedCustomerCount);
        }

        Activity.Current?.SetTag("utility.outage.accounts", sb.ToString()); // leak TC1001 strings
        var counts = new StringBuilder().AppendJoin(",", reports.Select(r => r.AffectedCustomerCount)).ToString();
        Activity.Current?.SetTag("utility.outage.counts", counts); // clean strings
        Activity.Current?.SetTag("utility.outage.summary", string.Concat("feeder ", feederId, " reports ", reports.Count.ToString(CultureInfo.InvariantCulture))); // clean strings
        return Ok(reports.Count);
    }
}
