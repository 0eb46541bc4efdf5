using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using PrivacyHoldout26.Telemetry;
using Sentry;

namespace PrivacyHoldout26.Education;

/// <summary>The bound model of the guardian contact form.</summary>
public sealed class GuardianContactModel
{
    public string StudentNumber { get; set; } = string.Empty;

    public string GuardianName { get; set; } = string.Empty;

    public string GuardianEmail { get; set; } = string.Empty;

    public string GuardianPhone { get; set; } = string.Empty;

    public string Relationship { get; set; } = "parent";

    public bool ConsentToSms { get; set; }
}

/// <summary>
/// The form a guardian fills in to update their contact details. Form analytics: which fields people
/// touch, and a paste button for the student number (copied from the school's letter).
/// </summary>
public sealed partial class GuardianContactForm : ComponentBase
{
    private EditContext _editContext = null!;

    [Inject]
    public ILogger<GuardianContactForm> Logger { get; set; } = null!;

    [Inject]
    public IJSRuntime Js { get; set; } = null!;

    [Inject]
    public System.Diagnostics.Metrics.Meter Meter { get; set; } = null!;

    public GuardianContactModel Model { get; } = new();

    protected override void OnInitialized()
    {
        _editContext = new EditContext(Model);
        _editContext.OnFieldChanged += OnFieldChanged;
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        Logger.LogDebug("Field {Field} of {Form} changed", field.FieldName, field.Model.GetType().Name); // clean precision-names
        var value = field.Model.GetType().GetProperty(field.FieldName)?.GetValue(field.Model);
        Activity.Current?.AddEvent(new ActivityEvent("form.field.changed", tags: new ActivityTagsCollection { ["field"] = field.FieldName, ["value"] = value })); // leak TC1001 cross-member
    }

    public async Task PasteStudentNumberAsync()
    {
        var text = await Js.InvokeAsync<string?>("navigator.clipboard.readText");
        Logger.LogDebug("Pasted {Length} characters into the student number", text?.Length ?? 0); // clean precision-about
        if (text is null || !StudentNumberFormat().IsMatch(text.Trim()))
        {
            Logger.LogWarning("Pasted text {Text} is not a student number", text); // leak TC1001 precision-names
            return;
        }

        Model.StudentNumber = text.Trim();
        _editContext.NotifyFieldChanged(new FieldIdentifier(Model, nameof(GuardianContactModel.StudentNumber)));
    }

    public Task SubmitAsync()
    {
        if (!_editContext.Validate())
        {
            return Task.CompletedTask;
        }

        var domain = Model.GuardianEmail[(Model.GuardianEmail.IndexOf('@') + 1)..];
        Logger.LogAppBreadcrumbEvent($"guardian contact saved ({Model.Relationship}, sms consent {Model.ConsentToSms})", "guardian-contact"); // clean generated-api
        SentrySdk.AddBreadcrumb("guardian contact saved", "form", data: new System.Collections.Generic.Dictionary<string, string> { ["email_domain"] = domain }); // clean precision-about
        SentrySdk.ConfigureScope(scope => scope.SetExtra("guardian", Model.GuardianName)); // leak TC1001 direct
        Meter.CreateAppCommandsCounter().Add(1, "guardian-contact", $"saved for {Model.StudentNumber}"); // leak TC1003 generated-api
        return Task.CompletedTask;
    }

    private static Regex StudentNumberFormat() => StudentNumberPattern;

    private static readonly Regex StudentNumberPattern = new("^[0-9]{8}$", RegexOptions.Compiled);
}
