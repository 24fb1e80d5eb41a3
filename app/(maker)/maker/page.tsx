import { redirect } from "next/navigation";

export default function MakerHome() {
  redirect("/maker/mailboxes");
}
