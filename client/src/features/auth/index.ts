/** The sign-in, sign-up and email-link pages, loaded on demand (one chunk) by the router. */
export { CheckEmailPage } from './CheckEmailPage'
export { ForgotPasswordPage } from './ForgotPasswordPage'
export { LoginPage } from './LoginPage'
export { ResetPasswordPage } from './ResetPasswordPage'
export { SignupPage } from './SignupPage'
export { VerifyEmailPage } from './VerifyEmailPage'
