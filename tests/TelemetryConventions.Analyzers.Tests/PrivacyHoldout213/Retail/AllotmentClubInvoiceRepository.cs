namespace PrivacyHoldout213.Retail;

/// <summary>The garden centre's allotment club: members' plot rent invoices, paid at the till or by direct debit.</summary>
public sealed class AllotmentClubInvoiceRepository(
    RentLedger ledger,
    AllotmentRegister register,
    Pseudonymizer pseudonymizer,
    ILogger<AllotmentClubInvoiceRepository> logger)
{
    private static readonly ActivitySource Source = new("Toolshed.Invoices");
    private static readonly Histogram<double> Paid = new Meter("Toolshed.Invoices").CreateHistogram<double>("toolshed.invoice.paid");

    private readonly List<PlotTenant> _inArrears = new();

    public RentInvoice Raise(string plotRef, string memberNumber, decimal amount)
    {
        using var activity = Source.StartActivity("RaiseInvoice");
        var tenant = register.FindTenant(memberNumber);
        var invoice = ledger.Raise(plotRef, memberNumber, amount, DateOnly.FromDateTime(DateTime.Today.AddDays(28)));
        activity?.SetTag("toolshed.invoice", invoice.InvoiceNumber); // clean precision-names
        activity?.SetTag("toolshed.invoice.amount", (double)invoice.Amount); // clean precision-about
        activity?.SetTag("toolshed.invoice.member", invoice.MemberNumber); // leak TC1001 direct
        activity?.SetTag("toolshed.invoice.tenant_name", tenant.FullName); // leak TC1001 direct
        activity?.SetTag("toolshed.invoice.tenant_name_length", tenant.FullName.Length); // clean precision-about
        activity?.SetTag("toolshed.invoice.member_pseudonym", pseudonymizer.ComputeToolshedClientId(invoice.MemberNumber)); // clean precision-pseudonym
        logger.LogInformation("Raised {@Invoice}", invoice); // leak TC1001 logging-objects
        logger.LogInformation("Tenant {Tenant}", tenant); // leak TC1001 logging-objects
        logger.LogInformation("Tenant {Tenant}", tenant with { Email = "", Mobile = "" }); // leak TC1001 logging-objects
        Paid.Record((double)amount, new KeyValuePair<string, object?>("plot", plotRef)); // clean precision-names
        Paid.Record((double)amount, new KeyValuePair<string, object?>("tenant", tenant.Email)); // leak TC1003 direct
        if (amount > 100)
        {
            _inArrears.Add(tenant);
        }

        return invoice;
    }

    public void Collect(RentInvoice invoice, string bankAccount)
    {
        using var activity = Source.StartActivity("CollectRent");
        try
        {
            ledger.Collect(invoice, bankAccount);
        }
        catch (PaymentDeclinedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError(ex, "Rent collection failed for invoice {Invoice}", invoice.InvoiceNumber); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "direct debit declined"); // clean exceptions
        }

        var builder = new StringBuilder();
        foreach (var tenant in _inArrears)
        {
            builder.AppendLine($"{tenant.FullName} ({tenant.MemberNumber})");
        }

        logger.LogInformation("Arrears list:\n{List}", builder.ToString()); // leak TC1001 strings
        logger.LogInformation("{Count} members in arrears", _inArrears.Count); // clean cross-member
        logger.LogInformation("First in arrears {Member}", _inArrears.FirstOrDefault()?.MemberNumber); // leak TC1001 cross-member
        var dedupe = string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(bankAccount)).Take(8).Select(b => b.ToString("x2")));
        logger.LogDebug("Mandate key {Key}", dedupe); // leak TC1002 hashes
    }
}
