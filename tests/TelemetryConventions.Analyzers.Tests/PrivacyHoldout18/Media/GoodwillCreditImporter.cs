using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Media;

public interface ISubscriberAccounts
{
    Task<Guid?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task CreditAsync(Guid subscriberId, decimal amount, string reason, CancellationToken cancellationToken);
}

/// <summary>Customer care uploads a workbook of goodwill credits after an outage: Email | Amount | Reason.</summary>
public sealed class GoodwillCreditImporter(
    ISubscriberAccounts accounts,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<GoodwillCreditImporter> logger)
{
    private const decimal ApprovalThreshold = 50m;

    public async Task<int> ImportAsync(Stream workbookStream, string uploadedBy, CancellationToken cancellationToken)
    {
        using var workbook = new XLWorkbook(workbookStream);
        var sheet = workbook.Worksheet(1);
        using var run = source.StartExportRun("xlsx").SetExportJobId($"goodwill-{DateTime.UtcNow:yyyyMMddHHmm}"); // clean precision-about
        run.SetExportRequesterId(Pseudonym.FromComputed(uploadedBy)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("import.sheet", sheet.Name); // clean precision-names

        var credited = 0;
        foreach (var row in sheet.RowsUsed().Skip(1))
        {
            var email = row.Cell(1).GetString().Trim();
            if (!row.Cell(2).TryGetValue<double>(out var amount))
            {
                run.AddExportRowRejectedEvent(row.RowNumber(), $"amount in {row.Cell(2).Address} is not a number"); // clean generated-api
                continue;
            }

            if (!MailAddress.TryCreate(email, out var address))
            {
                run.AddExportRowRejectedEvent(row.RowNumber(), $"'{email}' is not an email address"); // leak TC1001 generated-api
                continue;
            }

            var subscriberId = await accounts.FindByEmailAsync(address.Address, cancellationToken);
            if (subscriberId is null)
            {
                logger.LogWarning("Row {Row}: no subscriber for {Email}", row.RowNumber(), row.Cell(1).Value); // leak TC1001 direct
                continue;
            }

            if ((decimal)amount > ApprovalThreshold)
            {
                logger.LogWarning("Credit of {Amount} in row {Row} needs approval; subscriber {SubscriberRef} at {Domain}", amount, row.RowNumber(), pseudonymizer.ComputeExportRequesterId(subscriberId.Value.ToString()), address.Host); // clean precision-pseudonym
                continue;
            }

            await accounts.CreditAsync(subscriberId.Value, (decimal)amount, row.Cell(3).GetString(), cancellationToken);
            credited++;
        }

        run.SetExportRowCount(credited);
        logger.LogInformation("Goodwill import by {UploadedBy} credited {Count} subscribers", uploadedBy, credited); // leak TC1001 direct
        return credited;
    }
}
