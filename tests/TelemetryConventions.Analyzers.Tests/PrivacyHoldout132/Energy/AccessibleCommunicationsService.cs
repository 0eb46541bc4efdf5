namespace PrivacyHoldout132.Energy;

/// <summary>How a customer wants to hear from the supplier: format (large print, braille, audio CD), a text relay for the deaf, and a call before a planned outage.</summary>
public sealed record CommunicationPreference(string AccountNumber, string Format, bool TextRelay, bool CallBeforeOutage, string? OutagePhone, string Postcode);

public sealed record PlannedOutage(string OutageId, string Region, DateTimeOffset Start, IReadOnlyList<string> Postcodes);

/// <summary>Prints bills in the customer's format and phones PSR customers with medical equipment before a planned outage.</summary>
public sealed class AccessibleCommunicationsService(
    Pseudonymizer pseudonymizer,
    ILogger<AccessibleCommunicationsService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.AccessibleComms");
    private static readonly Meter Meter = new("Supplier.AccessibleComms");
    private static readonly Counter<long> BillsByFormat = Meter.CreateCounter<long>("comms.bills.printed");
    private static readonly Counter<long> OutageCalls = Meter.CreateCounter<long>("comms.outage.calls");
    private static readonly Counter<long> CallsPerAccount = Meter.CreateCounter<long>("comms.outage.calls.per_account");

    public void PrintBills(IReadOnlyList<CommunicationPreference> preferences, string billRun)
    {
        using var activity = Source.StartActivity("bills.accessible.print");
        activity?.SetTag("bill_run", billRun); // clean precision-names
        foreach (var group in preferences.GroupBy(p => p.Format))
        {
            BillsByFormat.Add(group.Count(), new KeyValuePair<string, object?>("format", group.Key)); // clean precision-about
        }
        activity?.SetTag("bills.braille", preferences.Count(p => p.Format == "braille")); // clean precision-about
        logger.LogInformation("Accessible bill run {Run}: {Formats}", billRun, preferences.Select(p => p.Format).Distinct().ToArray()); // clean precision-about
    }

    public void CallBeforeOutage(PlannedOutage outage, IReadOnlyList<CommunicationPreference> psrCustomers)
    {
        using var span = Source.StartPsrAssist(outage.Region);
        span.SetPsrBookingId(outage.OutageId); // clean precision-names
        var toCall = psrCustomers.Where(c => c.CallBeforeOutage && outage.Postcodes.Contains(c.Postcode)).ToList();
        span.SetPsrNeedCount(toCall.Count); // clean precision-about
        span.Activity?.SetTag("outage.districts", string.Join(",", toCall.Select(c => c.Postcode.Split(' ')[0]).Distinct())); // clean strings
        span.Activity?.SetTag("outage.postcodes", string.Join(",", toCall.Select(c => c.Postcode))); // leak TC1001 strings

        foreach (var customer in toCall)
        {
            if (customer.OutagePhone is null)
            {
                logger.LogWarning("No outage phone for {Customer}", pseudonymizer.ComputePsrPersonId(customer.AccountNumber)); // clean precision-pseudonym
                logger.LogPsrAssistFailedEvent(outage.Region, "no-phone", psrNote: $"no outage phone on account {customer.AccountNumber}"); // leak TC1001 generated-api
                continue;
            }
            logger.LogInformation("Calling {Phone} before outage {Outage}", customer.OutagePhone, outage.OutageId); // leak TC1001 direct
            OutageCalls.Add(1, new KeyValuePair<string, object?>("region", outage.Region), new("text_relay", customer.TextRelay)); // clean precision-about
            CallsPerAccount.Add(1, new KeyValuePair<string, object?>("account", customer.AccountNumber)); // leak TC1003 direct
        }
        span.SetPsrOutcome(toCall.Count == 0 ? "nobody-to-call" : "calls-queued"); // clean precision-names
        span.SetPsrNote($"{toCall.Count} calls queued for {outage.OutageId}"); // clean generated-api
    }
}
