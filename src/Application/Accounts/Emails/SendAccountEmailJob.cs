using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Common.Options;
using MediatR;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Emails;

/// <summary>
/// Sends an account email in the background, so signup and reset answer in the same time whether or not the
/// address is known (no enumeration by timing). The link's secret is encrypted in the job payload.
/// </summary>
[JobName("SendAccountEmail")]
public sealed record SendAccountEmailJob(Guid UserId, AccountEmailKind Kind, string? ProtectedToken) : IBackgroundJob;

internal sealed class SendAccountEmailJobHandler(
    IAppDbContext db,
    IEmailSender email,
    ISecretProtector protector,
    IOptions<AppOptions> app,
    IOptions<AuthOptions> auth) : IRequestHandler<SendAccountEmailJob, Unit>
{
    public async Task<Unit> Handle(SendAccountEmailJob request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([request.UserId], cancellationToken);
        if (user is null || user.IsDeleted) return Unit.Value;

        var baseUrl = app.Value.PublicUrl.TrimEnd('/');
        var token = request.ProtectedToken is null ? null : Uri.EscapeDataString(protector.Unprotect(request.ProtectedToken, SecretContext.EmailLink(user.Id)));
        var (link, hours) = request.Kind switch
        {
            AccountEmailKind.VerifyEmail => ($"{baseUrl}/verify-email?token={token}", auth.Value.VerificationTokenHours),
            AccountEmailKind.PasswordReset => ($"{baseUrl}/reset-password?token={token}", auth.Value.PasswordResetTokenHours),
            _ => ($"{baseUrl}/login", 0),
        };
        await email.SendAsync(AccountEmails.Compose(request.Kind, user, link, hours), cancellationToken);
        return Unit.Value;
    }
}
