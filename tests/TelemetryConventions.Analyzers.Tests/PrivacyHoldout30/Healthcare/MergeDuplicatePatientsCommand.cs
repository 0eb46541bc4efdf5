using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.CommandLine;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Healthcare;

public sealed class MergeConflictException(string message) : Exception(message);

/// <summary>
/// <c>clinic-ops merge-patients --keep H1234567 --remove H7654321 --ticket CHG-1 [--dry-run]</c>: moves a
/// duplicate record's clinical rows onto the surviving hospital number.
/// </summary>
public sealed class MergeDuplicatePatientsCommand(
    ISqlRunner sql,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<MergeDuplicatePatientsCommand> logger)
{
    private static readonly string[] Tables = ["encounters", "results", "letters", "allergies", "alerts"];

    private readonly Option<string> _keep = new("--keep", "Hospital number of the record that survives") { IsRequired = true };
    private readonly Option<string> _remove = new("--remove", "Hospital number of the duplicate") { IsRequired = true };
    private readonly Option<string> _ticket = new("--ticket", "Change ticket the merge was approved under") { IsRequired = true };
    private readonly Option<bool> _dryRun = new("--dry-run", "Count the rows without moving them");

    public Command Build()
    {
        var command = new Command("merge-patients", "Merges a duplicate patient record into the surviving one");
        command.AddOption(_keep);
        command.AddOption(_remove);
        command.AddOption(_ticket);
        command.AddOption(_dryRun);
        command.SetHandler(RunAsync);
        return command;
    }

    private async Task RunAsync(InvocationContext context)
    {
        var parse = context.ParseResult;
        var keep = parse.GetValueForOption(_keep)!;
        var remove = parse.GetValueForOption(_remove)!;
        var ticket = parse.GetValueForOption(_ticket)!;
        var dryRun = parse.GetValueForOption(_dryRun);
        var cancellationToken = context.GetCancellationToken();

        logger.LogInformation("{Command} invoked: {Tokens}", parse.CommandResult.Command.Name, string.Join(' ', parse.Tokens.Select(t => t.Value))); // leak TC1001 strings
        logger.LogInformation("{Command} options: {Options}", parse.CommandResult.Command.Name, string.Join(", ", parse.CommandResult.Command.Options.Select(o => o.Name))); // clean precision-names

        using var run = source.StartJobRun("merge-patients");
        run.SetJobDryRun(dryRun); // clean precision-about
        var touched = 0;
        try
        {
            for (var i = 0; i < Tables.Length; i++)
            {
                var table = Tables[i];
                var rows = await sql.ExecuteAsync(
                    dryRun ? $"select count(*) from {table} where hospital_number = @remove" : $"update {table} set hospital_number = @keep where hospital_number = @remove",
                    new { keep, remove },
                    cancellationToken);
                touched += rows;
                logger.LogInformation("[{Index}/{Total}] {Table}: {Rows} rows", i + 1, Tables.Length, table, rows); // clean precision-about
                logger.LogDebug("{Table}: {Rows} rows {Verb} from {Remove} to {Keep}", table, rows, dryRun ? "would move" : "moved", remove, keep); // leak TC1001 direct
            }

            if (!dryRun)
            {
                var conflicts = await sql.ExecuteAsync("select count(*) from alerts where hospital_number = @keep and duplicate_of = @remove", new { keep, remove }, cancellationToken);
                if (conflicts > 0)
                {
                    throw new MergeConflictException($"Alerts of {remove} conflict with alerts already on {keep}");
                }
            }

            run.SetJobRowsTouched(touched); // clean precision-about
            run.SetJobNote($"merged {remove} into {keep}"); // leak TC1001 generated-api
            run.AddJobRowSkippedEvent("letters awaiting signature stay on the duplicate", pseudonymizer.PseudonymizeJobSubjectId(remove)); // clean precision-pseudonym
            logger.LogInformation("Merge under {Ticket} finished: {Touched} rows", ticket, touched); // clean precision-names
            meter.CreateJobRowsCounter().Add(touched, "merge-patients", dryRun ? "dry-run" : "merged"); // clean precision-names
        }
        catch (MergeConflictException ex)
        {
            run.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("Merge stopped by {ErrorType}", ex.GetType().Name); // clean exceptions
            context.ExitCode = 3;
        }
    }
}

/// <summary>The clinic-ops console host.</summary>
public static class ClinicOpsProgram
{
    public static async Task<int> RunAsync(string[] args, RootCommand root, ILogger logger)
    {
        logger.LogInformation("clinic-ops started with {ArgCount} arguments", args.Length); // clean precision-about
        logger.LogInformation("clinic-ops {Args}", string.Join(' ', args)); // leak TC1001 strings
        return await root.InvokeAsync(args);
    }
}
