export { ForgotPasswordView } from "./forgot-password";
export { LoginView } from "./login";
export { RegisterView } from "./register";
export { ResetPasswordView } from "./reset-password";
export { VerifyEmailBanner } from "./verify-email-banner";
export { VerifyEmailView } from "./verify-email";
